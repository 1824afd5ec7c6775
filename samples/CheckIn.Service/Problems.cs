using CheckIn.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CheckIn.Service;

/// <summary>RFC 9457 problem details carrying CheckIn's coded errors, in the caller's language.</summary>
internal static class Problems
{
    /// <summary>Vietnamese first; English when the caller prefers it (<c>Accept-Language: en</c>).</summary>
    public static MessageLanguage LanguageOf(HttpContext context)
    {
        var accept = context.Request.Headers.AcceptLanguage.ToString();
        var english = accept.IndexOf("en", StringComparison.OrdinalIgnoreCase);
        var vietnamese = accept.IndexOf("vi", StringComparison.OrdinalIgnoreCase);
        return english >= 0 && (vietnamese < 0 || english < vietnamese) ? MessageLanguage.English : MessageLanguage.Vietnamese;
    }

    public static ProblemHttpResult Of(HttpContext context, int status, IEnumerable<CheckInError> errors, string? title = null)
    {
        var language = LanguageOf(context);
        var list = errors.Select(e => new Dictionary<string, object?>
        {
            ["code"] = e.Code,
            ["message"] = e.GetDescription(language),
            ["field"] = e.Field >= 0 ? e.Field : null,
            ["line"] = e.Line > 0 ? e.Line : null,
            ["position"] = e.Position >= 0 ? e.Position : null,
            ["property"] = e.Property,
        }).ToList();
        return TypedResults.Problem(
            title: title ?? (language == MessageLanguage.English ? "The request is not valid" : "Yêu cầu không hợp lệ"),
            statusCode: status,
            type: "https://github.com/checkin-vn/checkin/blob/main/docs/error-codes.md",
            extensions: new Dictionary<string, object?> { ["errors"] = list });
    }

    public static ProblemHttpResult Of(HttpContext context, int status, CheckInError error) => Of(context, status, [error]);

    /// <summary>404: the venue named is not registered here.</summary>
    public static ProblemHttpResult UnknownVenue(HttpContext context) =>
        Service(context, 404, "Service.UnknownVenue", "The venue is not registered", "Địa điểm chưa được đăng ký");

    /// <summary>A problem of the service itself (a malformed body, an unknown venue), coded like the library's.</summary>
    public static ProblemHttpResult Service(HttpContext context, int status, string code, string english, string vietnamese)
    {
        var language = LanguageOf(context);
        return TypedResults.Problem(
            title: language == MessageLanguage.English ? english : vietnamese,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { new Dictionary<string, object?> { ["code"] = code, ["message"] = language == MessageLanguage.English ? english : vietnamese } } });
    }
}
