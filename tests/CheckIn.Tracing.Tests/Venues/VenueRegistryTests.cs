using CheckIn.Core.Places;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Venues;
using CheckIn.Tracing.Visits;
using static CheckIn.Tracing.Tests.Support.People;
using Codes = CheckIn.Tracing.TracingErrorCodes.VenueCsv;

namespace CheckIn.Tracing.Tests.Venues;

public sealed class VenueRegistryTests
{
    private static readonly AdministrativeUnit[] Communes = [.. AdministrativeUnits.Default.Communes(AdministrativeEra.Legacy).Take(2)];

    [Fact]
    public void Register_KindAndCommune_FoundInAnySpelling()
    {
        var registry = new VenueRegistry();
        var market = registry.Register("tokhaiyte:5f8a", VenueKind.Market, Communes[0].Code, " Chợ Đông Ba ");
        Assert.True(market.Success);
        Assert.Equal(new VenueRecord("tokhaiyte:5f8a", VenueKind.Market, Communes[0], "Chợ Đông Ba"), market.Value);
        Assert.Equal(VenueKind.Market, registry.KindOf(" tokhaiyte:5f8a\u200B"));
        Assert.Equal(VenueKind.Unspecified, registry.KindOf("elsewhere"));
        Assert.Null(registry.Find("elsewhere"));

        // Registering again updates.
        registry.Register("tokhaiyte:5f8a", VenueKind.Supermarket);
        Assert.Equal((VenueKind.Supermarket, (AdministrativeUnit?)null), (registry.Find("tokhaiyte:5f8a")!.Kind, registry.Find("tokhaiyte:5f8a")!.Commune));
        Assert.Equal(1, registry.Count);
    }

    [Fact]
    public void Register_UnknownCommuneOrEmptyKey_Coded_UndefinedKind_Throws()
    {
        var registry = new VenueRegistry();
        Assert.Equal(TracingErrorCodes.Venue.UnknownCommune, registry.Register("V1", VenueKind.School, 99_999).Error.Code);
        Assert.Equal(TracingErrorCodes.Venue.Key, registry.Register(" \u200B", VenueKind.School).Error.Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => registry.Register("V1", (VenueKind)77));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VenueRegistry((AdministrativeEra)9));
        Assert.Equal(0, registry.Count);

        // Codes of one era are not the other's.
        var reform = AdministrativeUnits.Default.Communes(AdministrativeEra.Reform2025)[0];
        Assert.True(new VenueRegistry(AdministrativeEra.Reform2025).Register("V1", VenueKind.School, reform.Code).Success);
    }

    [Fact]
    public void ContactsByCommune_CountsContactsAndVenuesPerCommune()
    {
        var registry = new VenueRegistry();
        registry.Register("market", VenueKind.Market, Communes[0].Code);
        registry.Register("school", VenueKind.School, Communes[1].Code);
        registry.Register("shop", VenueKind.Supermarket, Communes[1].Code);
        var store = new VisitStore();
        store.AddRange([
            new Visit(P(1), "market", At(8), At(9)),
            new Visit(P(2), "market", At(8), At(9)),
            new Visit(P(3), "market", At(8), At(9)),
            new Visit(P(2), "school", At(10), At(11)),
            new Visit(P(4), "school", At(10), At(11)),
            new Visit(P(3), "shop", At(10), At(11)),
            new Visit(P(5), "shop", At(10), At(11)),
            new Visit(P(3), "stall", At(12), At(13)),
            new Visit(P(6), "stall", At(12), At(13)),
        ]);
        var result = new ContactTracer(store.Flush()).Trace([new TraceCase(P(1), At(0), At(23))], new ContactTracerOptions { AsOf = At(23) });

        var tallies = registry.ContactsByCommune(result);
        Assert.Equal(3, tallies.Count);
        Assert.Equal((Communes[0], 1, 2, "2,0"), (tallies[0].Commune, tallies[0].Venues, tallies[0].Contacts, string.Join(',', tallies[0].ContactsByLevel)));
        Assert.Equal((Communes[1], 2, 2, "0,2"), (tallies[1].Commune, tallies[1].Venues, tallies[1].Contacts, string.Join(',', tallies[1].ContactsByLevel)));
        Assert.Equal(((AdministrativeUnit?)null, 1, "0,1"), (tallies[2].Commune, tallies[2].Venues, string.Join(',', tallies[2].ContactsByLevel)));
    }

    [Fact]
    public void Csv_VenuesWithKindsCommunesAndNames()
    {
        var text = "venue,kind,commune,name\n"
            + $"V1,market,{Communes[0].FormattedCode},\"Chợ, Đông Ba\"\n"
            + "V2,Place_Of_Worship,,\n"
            + "V3,,,\n";
        var registry = new VenueRegistry();
        var reader = new VenueCsvReader(new StringReader(text), registry);
        var read = new List<VenueRecord>();
        while (reader.Read().TryGetValue(out var more) && more)
        {
            read.Add(reader.Current!);
        }

        Assert.Equal(
            [new VenueRecord("V1", VenueKind.Market, Communes[0], "Chợ, Đông Ba"), new VenueRecord("V2", VenueKind.PlaceOfWorship, null, null), new VenueRecord("V3", VenueKind.Unspecified, null, null)],
            read);
        Assert.Equal(3, registry.Count);
        Assert.True(new VenueCsvReader(new StringReader("venue,kind\nV9,school\n"), registry).Read().Value);
        Assert.Equal(VenueKind.School, registry.KindOf("V9"));
    }

    [Theory]
    [InlineData("venue\nV1\n", Codes.Header, 1, -1)]
    [InlineData("venue,kind,name\n", Codes.Header, 1, -1)]
    [InlineData("venue,kind\nV1,circus\n", Codes.Kind, 2, 1)]
    [InlineData("venue,kind\nV1\n", Codes.FieldCount, 2, -1)]
    [InlineData("venue,kind,commune\nV1,market,99999\n", Codes.Commune, 2, 2)]
    [InlineData("venue,kind,commune\nV1,market,12a\n", Codes.Commune, 2, 2)]
    [InlineData("venue,kind,commune\nV1,market,-1\n", Codes.Commune, 2, 2)]
    [InlineData("venue,kind\n\" \",market\n", Codes.Venue, 2, 0)]
    [InlineData("venue,kind\n\"V1,market\n", Codes.Quote, 2, 0)]
    public void Csv_BadRecord_CodedWithLineAndField(string text, string code, int line, int field)
    {
        var registry = new VenueRegistry();
        var read = new VenueCsvReader(new StringReader(text), registry).Read();
        Assert.False(read.Success);
        Assert.Equal((code, line, field), (read.Error.Code, read.Error.Line, read.Error.Field));
        Assert.Equal(0, registry.Count);
    }

    [Fact]
    public void Csv_SkipBadRecords_ReadsOn()
    {
        var registry = new VenueRegistry();
        var reader = new VenueCsvReader(new StringReader("venue,kind\nV1,circus\nV2,market\n"), registry, new VisitCsvReaderOptions { SkipBadRecords = true });
        Assert.Equal(Codes.Kind, reader.Read().Error.Code);
        Assert.True(reader.Read().Value);
        Assert.False(reader.Read().Value);
        Assert.Equal(VenueKind.Market, registry.KindOf("V2"));
    }

    [Fact]
    public void Recorder_RegisteredKind_SetsTheDefaultLength()
    {
        var registry = new VenueRegistry();
        registry.Register("school", VenueKind.School);
        var recorder = new VisitRecorder();
        recorder.Record(new CheckInEvent(P(1), "school", registry.KindOf("school"), At(7), CheckInEventKind.CheckIn));
        recorder.Record(new CheckInEvent(P(2), "stall", registry.KindOf("stall"), At(7), CheckInEventKind.CheckIn));
        var visits = recorder.Complete().Closed.ToDictionary(v => v.Venue);
        Assert.Equal(NodaTime.Duration.FromHours(5), visits["school"].Length);
        Assert.Equal(NodaTime.Duration.FromHours(1), visits["stall"].Length);
        Assert.Equal(VisitClosure.DefaultLength, visits["school"].Closure);
    }
}
