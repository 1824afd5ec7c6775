using System.Text.Json;
using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;

namespace CheckIn.Core.Tests.Payloads;

public sealed class PayloadJsonTests
{
    private static CheckInPayload Card => PayloadReader.Read(Samples.CitizenCard2024 + "\r\n").GetValueOrThrow();

    [Fact]
    public void ToJson_Masked_KindQuirksFieldsInFormatOrder()
    {
        using var json = JsonDocument.Parse(PayloadJson.ToJson(Card));
        var root = json.RootElement;
        Assert.Equal("CitizenCard", root.GetProperty("kind").GetString());
        Assert.Equal(["TrailingLineBreak"], root.GetProperty("quirks").EnumerateArray().Select(q => q.GetString()));
        Assert.True(root.GetProperty("masked").GetBoolean());
        var fields = root.GetProperty("fields").EnumerateObject().ToList();
        Assert.Equal(Card.GetFields().Select(f => f.Name), fields.Select(f => f.Name));
        Assert.Equal("**********56", root.GetProperty("fields").GetProperty("idNumber").GetString());
        Assert.Equal("T*** T** B", root.GetProperty("fields").GetProperty("fullName").GetString());
    }

    [Fact]
    public void ToJson_Revealed_FullValuesAndVietnameseUnescaped()
    {
        var text = PayloadJson.ToJson(Card, reveal: true, indented: false);
        Assert.Contains("\"idNumber\":\"079301000456\"", text, StringComparison.Ordinal);
        Assert.Contains("Trần Thị B", text, StringComparison.Ordinal);
        Assert.Contains("\"masked\":false", text, StringComparison.Ordinal);
    }
}
