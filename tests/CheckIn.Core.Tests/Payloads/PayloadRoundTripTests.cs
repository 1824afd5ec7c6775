using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;
using CsCheck;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads;

/// <summary>Generated valid values, written and read back, are equal (writers and readers agree); a failure shrinks to a small payload.</summary>
public sealed class PayloadRoundTripTests
{
    private static readonly PayloadReaderOptions Options = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 0, 0)) };

    public static TheoryData<string> Formats => ["CitizenCard", "HealthInsuranceCard", "PersonalQr", "TokhaiyteVenue", "Signed"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void WriteThenRead_GeneratedValues_Equal(string format) =>
        PayloadGens.Of(format).Sample(payload =>
        {
            var text = payload.ToText();
            var read = PayloadReader.Read(text, Options);
            Assert.True(read.Success, $"{format}: {(read.Success ? string.Empty : read.Error.ToString())}");
            Assert.Equal(payload, read.Value);
            Assert.Equal(text, read.Value.ToText());
        }, iter: 2_000);
}
