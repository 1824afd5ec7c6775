using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads;

/// <summary>Generated valid values, written and read back, are equal (writers and readers agree).</summary>
public sealed class PayloadRoundTripTests
{
    private const int Count = 2_000;
    private static readonly PayloadReaderOptions Options = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 0, 0)) };

    public static TheoryData<string> Formats => ["CitizenCard", "HealthInsuranceCard", "PersonalQr", "TokhaiyteVenue", "Signed"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void WriteThenRead_GeneratedValues_Equal(string format)
    {
        var generator = new PayloadGenerator(seed: 20211011);
        for (var i = 0; i < Count; i++)
        {
            CheckInPayload payload = format switch
            {
                "CitizenCard" => generator.CitizenCard(),
                "HealthInsuranceCard" => generator.HealthInsuranceCard(),
                "PersonalQr" => generator.PersonalQr(),
                "TokhaiyteVenue" => generator.TokhaiyteVenue(),
                _ => generator.Signed(),
            };
            var text = payload.ToText();
            var read = PayloadReader.Read(text, Options);
            Assert.True(read.Success, $"{format} #{i}: {(read.Success ? string.Empty : read.Error.ToString())}");
            Assert.Equal(payload, read.Value);
            Assert.Equal(text, read.Value.ToText());
        }
    }
}
