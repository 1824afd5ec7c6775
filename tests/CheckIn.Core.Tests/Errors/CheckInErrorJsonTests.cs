using System.Text;
using System.Text.Json;

namespace CheckIn.Core.Tests.Errors;

public sealed class CheckInErrorJsonTests
{
    private static string Write(CheckInError error, MessageLanguage language)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            CheckInErrorJson.Write(json, error, language);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Write_OnlyTheLocationThatApplies()
    {
        var error = new CheckInError(CoreErrorCodes.CitizenCard.DateOfBirth, CoreErrorCodes.Messages) { Field = 3, Position = 25 };
        using var json = JsonDocument.Parse(Write(error, MessageLanguage.English));
        var root = json.RootElement;
        Assert.Equal(["code", "message", "field", "position"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("The date of birth is not a valid ddMMyyyy date", root.GetProperty("message").GetString());
    }

    [Fact]
    public void Write_LineAndProperty_Vietnamese()
    {
        var error = new CheckInError(CoreErrorCodes.Payload.Empty, CoreErrorCodes.Messages) { Line = 4, Property = "items[2]" };
        using var json = JsonDocument.Parse(Write(error, MessageLanguage.Vietnamese));
        Assert.Equal(4, json.RootElement.GetProperty("line").GetInt32());
        Assert.Equal("items[2]", json.RootElement.GetProperty("property").GetString());
        Assert.Equal("Dữ liệu trống", json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public void Write_EmptyError_Throws() => Assert.Throws<InvalidOperationException>(() => Write(default, MessageLanguage.English));
}
