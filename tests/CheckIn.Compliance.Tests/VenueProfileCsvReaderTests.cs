using CheckIn.Core;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Compliance.Tests;

public sealed class VenueProfileCsvReaderTests
{
    private const string Valid = """
        venue,kind,commune,name,expected_daily,closed_on
        V1,market,19901,"Chợ Đông Ba, Huế",850,
        V2,office,,UBND phường,40.5,sat sun
        V3,,,,,
        """;

    private static (List<VenueProfile> Profiles, List<CheckInError> Errors) ReadAll(string text, bool skip = false)
    {
        var reader = new VenueProfileCsvReader(new StringReader(text), skip);
        var profiles = new List<VenueProfile>();
        var errors = new List<CheckInError>();
        for (var i = 0; i < 10_000; i++)
        {
            var read = reader.Read();
            if (!read.TryGetValue(out var more))
            {
                errors.Add(read.Error);
                if (!skip || read.Error.Code is ComplianceCodes.VenueProfileCsv.Header or ComplianceCodes.VenueProfileCsv.Quote)
                {
                    break;
                }

                continue;
            }

            if (!more)
            {
                break;
            }

            profiles.Add(reader.Current!);
        }

        return (profiles, errors);
    }

    [Fact]
    public void Valid_ReadsEveryColumn()
    {
        var (profiles, errors) = ReadAll(Valid);
        Assert.Empty(errors);
        Assert.Equal(new VenueProfile("V1", "Chợ Đông Ba, Huế", 19901, VenueKind.Market, 850), profiles[0] with { ClosedOn = [] });
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], profiles[1].ClosedOn);
        Assert.Equal((VenueKind.Unspecified, (double?)null, (string?)null), (profiles[2].Kind, profiles[2].ExpectedDailyCheckIns, profiles[2].Name));
        Assert.Single(ReadAll("venue\nV9\n").Profiles);
    }

    [Theory]
    [InlineData("venue,name\nV1,x\n", ComplianceCodes.VenueProfileCsv.Header, 1, -1)]
    [InlineData("venue,kind\nV1,market,x\n", ComplianceCodes.VenueProfileCsv.FieldCount, 2, -1)]
    [InlineData("venue,kind\n\"V1,market\n", ComplianceCodes.VenueProfileCsv.Quote, 2, 0)]
    [InlineData("venue,kind\nV1,market\nV1,office\n", ComplianceCodes.VenueProfileCsv.Venue, 3, 0)]
    [InlineData("venue,kind\nV1,spaceport\n", ComplianceCodes.VenueProfileCsv.Kind, 2, 1)]
    [InlineData("venue,kind,commune\nV1,market,1234567\n", ComplianceCodes.VenueProfileCsv.Commune, 2, 2)]
    [InlineData("venue,kind,commune,name,expected_daily\nV1,market,,,-3\n", ComplianceCodes.VenueProfileCsv.Expected, 2, 4)]
    [InlineData("venue,kind,commune,name,expected_daily,closed_on\nV1,market,,,,sun sun\n", ComplianceCodes.VenueProfileCsv.ClosedOn, 2, 5)]
    public void Bad_CodedErrorWithLineAndField(string text, string code, int line, int field)
    {
        var error = Assert.Single(ReadAll(text).Errors);
        Assert.Equal((code, line, field), (error.Code, error.Line, error.Field));
        Assert.NotEqual(code, error.GetDescription(MessageLanguage.English));
    }

    [Fact]
    public void SkipBadRecords_ReportsAndGoesOn()
    {
        var (profiles, errors) = ReadAll("venue,kind\nV1,spaceport\nV2,market\n", skip: true);
        Assert.Equal("V2", Assert.Single(profiles).Venue);
        Assert.Equal(ComplianceCodes.VenueProfileCsv.Kind, Assert.Single(errors).Code);
    }

    [Fact]
    public void Mutations_NeverThrow_AndEveryErrorIsCoded()
    {
        var random = new Random(2021);
        var pool = new[] { ",", "\"", "\n", "\r", " ", "x", "9", "-", ".", "sat", "market", "\0", "ữ" };
        var failed = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = Valid;
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, pool[random.Next(pool.Length)]),
                    _ => text.Remove(at, 1).Insert(at, pool[random.Next(pool.Length)]),
                };
            }

            var (_, errors) = ReadAll(text, skip: random.Next(2) == 0);
            Assert.All(errors, e => Assert.StartsWith("VenueProfileCsv.", e.Code, StringComparison.Ordinal));
            failed += errors.Count > 0 ? 1 : 0;
        }

        Assert.InRange(failed, 1_000, 19_000);
    }
}
