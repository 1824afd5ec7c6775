using CheckIn.Core;
using CheckIn.Declarations;

namespace CheckIn.Consumer.Snippets;

internal static class DeclarationsSnippet
{
    public static void Run()
    {
        const string json = """
            {"kind": "paper-log", "venueId": "v1", "fullName": "Lê Văn Cường", "phone": "0912345678",
             "checkIn": "2021-09-01T09:00:00Z", "checkOut": "2021-09-01T08:00:00Z", "writtenBy": "Lan"}
            """;
        #region readme
        var read = DeclarationJson.Read(json);                            // coded failures for malformed JSON
        var validator = new DeclarationValidator();                       // build once, reuse: thread-safe
        var failures = read.Document is { } document ? validator.Validate(document).Failures : read.Failures;
        foreach (var failure in failures)                                 // Time.EndBeforeStart checkOut: Thời điểm kết thúc phải sau…
            Console.WriteLine($"{failure.Code} {failure.Property}: {failure.GetDescription(MessageLanguage.Vietnamese)}");
        #endregion
    }
}
