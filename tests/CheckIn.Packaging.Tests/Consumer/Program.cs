// A consumer that knows CheckIn only through its NuGet packages.
using CheckIn.Core.Text;
using CheckIn.Tracing.Privacy;

var folded = VietnameseText.FoldName("Trần Thị Bích");
var pseudonym = new PersonPseudonymizer("consumer-smoke-test-key"u8).Pseudonymize("079301000456");
Console.WriteLine($"core:{folded}");
Console.WriteLine($"tracing:{pseudonym}");
