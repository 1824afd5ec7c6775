using CheckIn.Core;
using CheckIn.Tracing.FollowUp;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using NodaTime;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.FollowUp;

/// <summary>Follow-up records under the Ministry of Health's F1 rules, day by day.</summary>
public sealed class FollowUpBookTests
{
    // Visits on 1 September 2021 (UTC; 08:00 UTC is 15:00 in Vietnam): the case with 1 and 2, then 2 with 3.
    private static FollowUpBook Book(QuarantinePolicy? policy = null)
    {
        var store = new VisitStore();
        store.AddRange(
        [
            new Visit(P(0), "market", At(8), At(9)),
            new Visit(P(1), "market", At(8), At(9)),
            new Visit(P(2), "market", At(8), At(9)),
            new Visit(P(2), "office", At(10), At(18)),
            new Visit(P(3), "office", At(10), At(18)),
        ]);
        var trace = new ContactTracer(store.Flush()).Trace([new TraceCase(P(0), At(0), At(24))], new ContactTracerOptions { AsOf = At(48) });
        var book = new FollowUpBook(policy);
        Assert.Equal(3, book.Open(trace, c => c.Venue == "market" ? 19753 : null, At(20), "tracer-1"));
        Assert.Equal(0, book.Open(trace, null, At(21), "tracer-2"));
        return book;
    }

    private static readonly LocalDate Sep1 = new(2021, 9, 1);

    private static Instant Noon(LocalDate day) => day.At(new LocalTime(12, 0)).InZoneStrictly(VietnamTime.Zone).ToInstant();

    [Fact]
    public void Open_OneRecordPerContact_LastExposureInVietnamTime()
    {
        var book = Book();
        var f1 = book.Find(P(1))!;
        Assert.Equal((1, Sep1, 19753, FollowUpState.Identified), (f1.Level, f1.LastExposure, f1.Commune, f1.State));
        // 2's exposure to 3 ends at 18:00 UTC, 01:00 on 2 September in Vietnam.
        Assert.Equal(new LocalDate(2021, 9, 2), book.Find(P(3))!.LastExposure);
        Assert.Equal(2, book.Find(P(3))!.Level);
        Assert.Single(book.Find(P(3))!.History);
    }

    [Theory]
    [InlineData(Protection.FullyProtected, 5, new[] { 5 })]
    [InlineData(Protection.NotFullyVaccinated, 7, new[] { 7 })]
    [InlineData(Protection.Unknown, 7, new[] { 7 })]
    public void Notify_Moh2022_QuarantineAndTestsCountedFromTheLastExposure(Protection protection, int days, int[] testDays)
    {
        var book = Book();
        var record = book.Notify(P(1), protection, At(22), "tracer-1").Value;
        Assert.Equal(FollowUpState.Quarantined, record.State);
        Assert.Equal(Sep1.PlusDays(days - 1), record.QuarantineUntil);
        Assert.Equal(testDays.Select(d => Sep1.PlusDays(d - 1)), record.TestsDue);
        Assert.Equal((FollowUpState.Identified, FollowUpState.Quarantined, "tracer-1"), (record.History[^1].From, record.History[^1].To, record.History[^1].Actor));
    }

    [Fact]
    public void Notify_Moh2021_TestsOnDaysOneAndSeven_ALaterExposureMovesEverything()
    {
        var book = Book(QuarantinePolicy.Moh2021);
        var record = book.Notify(P(1), Protection.FullyProtected, At(22), "tracer-1", lastExposure: new LocalDate(2021, 9, 3)).Value;
        Assert.Equal(new LocalDate(2021, 9, 9), record.QuarantineUntil);
        Assert.Equal([new LocalDate(2021, 9, 3), new LocalDate(2021, 9, 9)], record.TestsDue);
        Assert.Equal(new LocalDate(2021, 9, 14), book.Notify(P(2), Protection.Unknown, At(22), "t").Value.QuarantineUntil);
    }

    [Fact]
    public void DueAndOverdue_ByDate()
    {
        var book = Book();
        book.Notify(P(1), Protection.FullyProtected, At(22), "t");    // quarantine to 5 Sep, test on 5 Sep
        book.Notify(P(2), Protection.NotFullyVaccinated, At(22), "t"); // to 7 Sep, test on 7 Sep
        // 3 is not reached yet: due every day until they are.
        Assert.Equal([P(3)], book.DueOn(new LocalDate(2021, 9, 3)).Select(r => r.Person));
        Assert.Equal([P(1), P(3)], book.DueOn(new LocalDate(2021, 9, 5)).Select(r => r.Person).Order(Comparer<CheckIn.Tracing.Privacy.PersonPseudonym>.Create((a, b) => a.Low.CompareTo(b.Low))));
        Assert.Empty(book.OverdueOn(new LocalDate(2021, 9, 5)));

        // 1 misses the test on the 5th: overdue on the 6th; a negative test on the 6th meets it, the record still open
        // until closed (its quarantine ended on the 5th).
        Assert.Equal([P(1)], book.OverdueOn(new LocalDate(2021, 9, 6)).Select(r => r.Person));
        var tested = book.RecordTest(P(1), positive: false, Noon(new LocalDate(2021, 9, 6)), "lab").Value;
        Assert.Equal((FollowUpState.TestedNegative, 0), (tested.State, tested.TestsDue.Count));
        Assert.Contains(book.OverdueOn(new LocalDate(2021, 9, 6)), r => r.Person == P(1));
        Assert.Equal(FollowUpState.Closed, book.Close(P(1), Noon(new LocalDate(2021, 9, 6)), "t", "quarantine served").Value.State);
        Assert.DoesNotContain(book.OverdueOn(new LocalDate(2021, 9, 6)), r => r.Person == P(1));
        Assert.Equal([P(2)], book.DueOn(new LocalDate(2021, 9, 7)).Where(r => r.Level == 1).Select(r => r.Person));
    }

    [Fact]
    public void Positive_BecomesACase_ToTraceOn_AndCannotBeClosedOrNotifiedAgain()
    {
        var book = Book();
        book.Notify(P(2), Protection.NotFullyVaccinated, At(22), "t");
        var sample = Noon(new LocalDate(2021, 9, 4));
        Assert.Equal(FollowUpState.TestedPositive, book.RecordTest(P(2), positive: true, sample, "lab").Value.State);
        var asCase = book.CaseOf(P(2)).Value;
        Assert.Equal((P(2), sample - Duration.FromDays(2), sample), (asCase.Person, asCase.From, asCase.Until));

        Assert.Equal(TracingErrorCodes.FollowUp.Transition, book.Close(P(2), sample, "t").Error.Code);
        Assert.Equal(TracingErrorCodes.FollowUp.Transition, book.Notify(P(2), Protection.Unknown, sample, "t").Error.Code);
        Assert.Equal(TracingErrorCodes.FollowUp.Transition, book.CaseOf(P(1)).Error.Code);
        Assert.Equal(TracingErrorCodes.FollowUp.UnknownPerson, book.Notify(P(42), Protection.Unknown, sample, "t").Error.Code);
        Assert.Equal(TracingErrorCodes.FollowUp.UnknownPerson, book.CaseOf(P(42)).Error.Code);
        Assert.Throws<ArgumentException>(() => book.Close(P(1), sample, " "));
    }

    [Fact]
    public void Unreachable_ThenReached_HistoryKeepsEveryChange_ByCommune()
    {
        var book = Book();
        Assert.Equal(FollowUpState.Unreachable, book.MarkUnreachable(P(1), At(22), "t1").Value.State);
        Assert.False(book.Find(P(1))!.IsOpen);
        var reached = book.Notify(P(1), Protection.FullyProtected, At(23), "t2").Value;
        Assert.Equal(
            [(FollowUpState.Identified, FollowUpState.Identified, "tracer-1"), (FollowUpState.Identified, FollowUpState.Unreachable, "t1"), (FollowUpState.Unreachable, FollowUpState.Quarantined, "t2")],
            reached.History.Select(h => (h.From, h.To, h.Actor)));
        Assert.Equal(
            [((int?)19753, FollowUpState.Identified, 1), (19753, FollowUpState.Quarantined, 1), (null, FollowUpState.Identified, 1)],
            book.ByCommune().OrderBy(t => t.Commune ?? int.MaxValue).ThenBy(t => t.State));
    }
}

/// <summary>The exports: CSV rows and JSON with the history.</summary>
public sealed class FollowUpWriterTests
{
    [Fact]
    public void Csv_AndJson_AsAProvincesSystemsTakeThem()
    {
        var store = new VisitStore();
        store.AddRange([new Visit(P(0), "market", At(8), At(9)), new Visit(P(1), "market", At(8), At(9)), new Visit(P(2), "market", At(8), At(8, 30))]);
        var trace = new ContactTracer(store.Flush()).Trace([new TraceCase(P(0), At(0), At(24))], new ContactTracerOptions { AsOf = At(48) });
        var book = new FollowUpBook();
        book.Open(trace, _ => 19753, At(20), "tracer-1");
        book.Notify(P(1), Protection.FullyProtected, At(22), "tracer-2");
        string Name(CheckIn.Tracing.Privacy.PersonPseudonym p) => p == P(1) ? "Bình, \"B\"" : "Cường";

        using var csv = new StringWriter();
        FollowUpWriter.WriteCsv(csv, book.Records, Name);
        Assert.Equal(
            [
                FollowUpWriter.CsvHeader,
                "\"Bình, \"\"B\"\"\",1,2021-09-01,19753,quarantined,fully-protected,2021-09-05,2021-09-05,2021-09-01T22:00:00Z,tracer-2",
                "Cường,1,2021-09-01,19753,identified,unknown,,,2021-09-01T20:00:00Z,tracer-1",
            ],
            csv.ToString().TrimEnd('\n').Split('\n'));

        using var json = new MemoryStream();
        FollowUpWriter.WriteJson(json, book.Records, Name);
        using var document = System.Text.Json.JsonDocument.Parse(json.ToArray());
        var first = document.RootElement[0];
        Assert.Equal("quarantined", first.GetProperty("state").GetString());
        Assert.Equal(["identified", "quarantined"], first.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal("2021-09-05", first.GetProperty("testsDue")[0].GetString());
    }
}
