using System.Security.Cryptography;
using CheckIn.Tracing.Csv;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;
using Codes = CheckIn.Tracing.TracingErrorCodes.EncounterCsv;

namespace CheckIn.Tracing.Tests.Csv;

public sealed class EncounterCsvReaderTests
{
    private const string Head = "person,other,start,minutes,distance\n";

    [Fact]
    public void Read_RecordsWithClassesAndMetres()
    {
        var reader = new EncounterCsvReader(new StringReader(Head + "0912 345 678,P2,2021-09-20T08:00:00Z,20,close\n\n\"P2\",P3,2021-09-20T08:10:00Z,5.5,1.8\nP3,P4,2021-09-20T09:00:00Z,1440,Far\n"));
        Assert.True(reader.Read().Value);
        Assert.Equal(new EncounterCsvRecord("0912345678", "P2", Instant.FromUtc(2021, 9, 20, 8, 0), Duration.FromMinutes(20), EncounterDistance.Close, 2), reader.Current);
        Assert.True(reader.Read().Value);
        Assert.Equal((Duration.FromSeconds(330), EncounterDistance.Near, 4), (reader.Current.Duration, reader.Current.Distance, reader.Current.Line));
        Assert.True(reader.Read().Value);
        Assert.Equal((Duration.FromDays(1), EncounterDistance.Far), (reader.Current.Duration, reader.Current.Distance));
        Assert.False(reader.Read().Value);
        Assert.DoesNotContain("P3", reader.Current.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("person,other,start\n", Codes.Header, 1, -1)]
    [InlineData(Head + "P1,P2,2021-09-20T08:00:00Z,20\n", Codes.FieldCount, 2, -1)]
    [InlineData(Head + " ,P2,2021-09-20T08:00:00Z,20,close\n", Codes.Person, 2, 0)]
    [InlineData(Head + "P1,,2021-09-20T08:00:00Z,20,close\n", Codes.Person, 2, 1)]
    [InlineData(Head + "P1,p1,2021-09-20T08:00:00Z,20,close\n", Codes.SamePerson, 2, 1)]
    [InlineData(Head + "P1,P2,2021-09-20 08:00,20,close\n", Codes.Instant, 2, 2)]
    [InlineData(Head + "P1,P2,1900-01-01T00:00:00Z,20,close\n", Codes.Instant, 2, 2)]
    [InlineData(Head + "P1,P2,2021-09-20T08:00:00Z,0,close\n", Codes.Minutes, 2, 3)]
    [InlineData(Head + "P1,P2,2021-09-20T08:00:00Z,-5,close\n", Codes.Minutes, 2, 3)]
    [InlineData(Head + "P1,P2,2021-09-20T08:00:00Z,1441,close\n", Codes.Minutes, 2, 3)]
    [InlineData(Head + "P1,P2,2021-09-20T08:00:00Z,NaN,close\n", Codes.Minutes, 2, 3)]
    [InlineData(Head + "P1,P2,2021-09-20T08:00:00Z,20,touching\n", Codes.Distance, 2, 4)]
    [InlineData(Head + "P1,P2,2021-09-20T08:00:00Z,20,-1\n", Codes.Distance, 2, 4)]
    [InlineData(Head + "P1,\"P2,2021-09-20T08:00:00Z,20,close\n", Codes.Quote, 2, 1)]
    public void Read_BadRecord_CodedWithLineAndField(string text, string code, int line, int field)
    {
        var read = new EncounterCsvReader(new StringReader(text)).Read();
        Assert.False(read.Success);
        Assert.Equal((code, line, field), (read.Error.Code, read.Error.Line, read.Error.Field));
    }

    [Fact]
    public void ReadInto_PseudonymizesLikeTheVisits_AndSkipsBadRecordsWhenAsked()
    {
        var pseudonymizer = new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32));
        var persons = new PseudonymTable(pseudonymizer);
        var text = Head + "P1,P2,2021-09-20T08:00:00Z,20,close\nP1,P2,2021-09-20T08:00:00Z,20,close\nP2,P3,2021-09-20T08:00:00Z,x,close\nP3,P1,2021-09-20T09:00:00Z,15,3\n";

        var strict = new EncounterCsvReader(new StringReader(text)).ReadInto(new EncounterIndex.Builder(), new PseudonymTable(pseudonymizer));
        Assert.Equal((Codes.Minutes, 4), (strict.Error.Code, strict.Error.Line));

        var builder = new EncounterIndex.Builder();
        var summary = new EncounterCsvReader(new StringReader(text), new VisitCsvReaderOptions { SkipBadRecords = true }).ReadInto(builder, persons);
        Assert.Equal((3L, 3, 1L), (summary.Value.Encounters, summary.Value.Persons, summary.Value.Rejected));
        Assert.Equal(Codes.Minutes, Assert.Single(summary.Value.Errors).Code);

        // The same pseudonyms as the visits read through the same table; the duplicate (both phones' logs) is one encounter.
        var index = builder.Build();
        Assert.Equal(2, index.Count);
        var p1 = persons.Pseudonymize("P1");
        Assert.Equal(
            [new Encounter(p1, persons.Pseudonymize("P2"), Instant.FromUtc(2021, 9, 20, 8, 0), Duration.FromMinutes(20), EncounterDistance.Close),
             new Encounter(p1, persons.Pseudonymize("P3"), Instant.FromUtc(2021, 9, 20, 9, 0), Duration.FromMinutes(15), EncounterDistance.Medium)],
            index.EncountersOf(p1));
        Assert.Equal(3, index.Persons.Count);
    }

    [Fact]
    public void ReadInto_StopsWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var reader = new EncounterCsvReader(new StringReader(Head + "P1,P2,2021-09-20T08:00:00Z,20,close\n"));
        Assert.Throws<OperationCanceledException>(() => reader.ReadInto(new EncounterIndex.Builder(), new PseudonymTable(new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32))), cancelled.Token));
    }
}
