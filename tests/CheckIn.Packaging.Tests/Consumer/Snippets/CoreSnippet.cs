using CheckIn.Core;
using CheckIn.Core.Payloads;

namespace CheckIn.Consumer.Snippets;

internal static class CoreSnippet
{
    public static void Run()
    {
        foreach (var scannedText in new[] { "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C|04102024||||", "001090123456|012345678|A|31021990|Nam|X|15042021" })
        {
            #region readme
            var result = PayloadReader.Read(scannedText);               // any national code; never throws on bad input
            if (result.TryGetValue(out var payload))
                Console.WriteLine(payload);                              // CitizenCard { idNumber = **********56, fullName = T*** T** B, … }
            else
                Console.WriteLine($"{result.Error.Code}: {result.Error.GetMessage(MessageLanguage.English)}");
            #endregion
        }
    }
}
