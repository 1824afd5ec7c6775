namespace CheckIn.Declarations.Tests;

/// <summary>Regression: the records' generated ToString printed names, ID numbers, phones and addresses in full.</summary>
public sealed class DocumentTextTests
{
    public static TheoryData<string> Names => ["Domestic", "DomesticOnBehalf", "Entry", "Venue", "PaperLog", "Specimen", "Safety"];

    private static DeclarationDocument Sample(string name) => name switch
    {
        "Domestic" => DeclarationSamples.Domestic,
        "DomesticOnBehalf" => DeclarationSamples.DomesticOnBehalf,
        "Entry" => DeclarationSamples.Entry,
        "Venue" => DeclarationSamples.Venue,
        "PaperLog" => DeclarationSamples.PaperLog,
        "Specimen" => DeclarationSamples.Specimen,
        _ => DeclarationSamples.Safety,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void ToString_NoPersonalDataInFull(string name)
    {
        var document = Sample(name);
        var text = document.ToString();
        Assert.StartsWith(document.GetType().Name + " { ", text, StringComparison.Ordinal);
        foreach (var secret in PersonalValues(document))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToString_ShowsWhatIsNotPersonal()
    {
        var text = DeclarationSamples.Domestic.ToString();
        Assert.Contains("Kind = Domestic", text, StringComparison.Ordinal);
        Assert.Contains("FullName = N***** V** A*", text, StringComparison.Ordinal);
        Assert.Contains("Street = ***", text, StringComparison.Ordinal);
        Assert.Contains("DeclaredAt = 2021-09-01T02:00:00Z", text, StringComparison.Ordinal);
    }

    /// <summary>Every string a document holds in a personal field, at any depth (the test's own walk, not the masker's).</summary>
    private static IEnumerable<string> PersonalValues(object value)
    {
        string[] personal = ["FullName", "DocumentNumber", "PassportNumber", "Phone", "RegistrantPhone", "RegistrantName", "Email", "Street", "WrittenBy", "CheckedBy", "Sampler", "VehicleNumber", "Text"];
        foreach (var property in value.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var v = property.GetValue(value);
            if (v is string s && s.Length >= 4 && (personal.Contains(property.Name) || (property.Name == "Address" && property.PropertyType == typeof(string))))
            {
                yield return s;
            }
            else if (v is Address or Proxy)
            {
                foreach (var inner in PersonalValues(v))
                {
                    yield return inner;
                }
            }
        }
    }
}
