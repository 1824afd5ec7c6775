using CheckIn.Core.Places;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Testing;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Visits;

public sealed class VisitBuilderTests
{
    private static readonly VisitBuilder Builder = new(new VisitBuilderOptions { Clock = new FakeClock(At(23)) });

    private static CheckInEvent In(int person, string venue, Instant at, VenueKind kind = VenueKind.Market) => new(P(person), venue, kind, at, CheckInEventKind.CheckIn);

    private static CheckInEvent Out(int person, string venue, Instant at) => new(P(person), venue, VenueKind.Market, at, CheckInEventKind.CheckOut);

    [Fact]
    public void Build_CheckInThenOut_OneVisit()
    {
        var result = Builder.Build([In(1, "A", At(8)), Out(1, "A", At(9))]);
        var visit = Assert.Single(result.Visits);
        Assert.Equal((At(8), At(9), VisitClosure.CheckedOut), (visit.CheckIn, visit.CheckOut, visit.Closure));
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Build_OutOfOrderEvents_SamePairs()
    {
        var result = Builder.Build([Out(1, "A", At(9)), In(2, "B", At(10)), In(1, "A", At(8)), Out(2, "B", At(11))]);
        Assert.Equal(2, result.Visits.Count);
        Assert.All(result.Visits, v => Assert.Equal(VisitClosure.CheckedOut, v.Closure));
    }

    [Fact]
    public void Build_NoCheckOut_DefaultLengthOfVenueKind()
    {
        var result = Builder.Build([In(1, "S", At(7), VenueKind.School)]);
        var visit = Assert.Single(result.Visits);
        Assert.Equal(At(12), visit.CheckOut);
        Assert.Equal(VisitClosure.DefaultLength, visit.Closure);
    }

    [Fact]
    public void Build_NoCheckOutThenCheckInElsewhere_ClosedAtNextCheckIn()
    {
        var result = Builder.Build([In(1, "S", At(7), VenueKind.School), In(1, "M", At(8))]);
        Assert.Equal(2, result.Visits.Count);
        Assert.Equal((At(8), VisitClosure.NextCheckIn), (result.Visits[0].CheckOut, result.Visits[0].Closure));
    }

    [Fact]
    public void Build_RepeatedScanWithinTolerance_MergedAndReported()
    {
        var duplicate = In(1, "A", At(8, 3));
        var result = Builder.Build([In(1, "A", At(8)), duplicate, In(1, "A", At(8, 7)), Out(1, "A", At(9))]);
        var visit = Assert.Single(result.Visits);
        Assert.Equal((At(8), At(9)), (visit.CheckIn, visit.CheckOut));
        Assert.Equal(2, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.Equal(EventRejection.DuplicateScan, r.Reason));
        Assert.All(result.Rejected, r => Assert.Equal(TracingErrorCodes.Visit.DuplicateScan, r.Error.Code));
        Assert.Equal(duplicate, result.Rejected[0].Event);
    }

    [Fact]
    public void Build_RepeatedCheckInAfterTolerance_NewVisit()
    {
        var result = Builder.Build([In(1, "A", At(8)), In(1, "A", At(8, 20))]);
        Assert.Equal(2, result.Visits.Count);
        Assert.Equal(At(8, 20), result.Visits[0].CheckOut);
    }

    [Fact]
    public void Build_FutureEvent_RejectedWithReason()
    {
        var result = Builder.Build([In(1, "A", At(23, 4)), In(2, "A", At(23, 6))]);
        Assert.Single(result.Visits);
        Assert.Equal(EventRejection.InFuture, Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void Build_OrphanCheckOut_Rejected()
    {
        var result = Builder.Build([Out(1, "A", At(9)), In(1, "B", At(10)), Out(1, "A", At(11))]);
        Assert.Equal(2, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.Equal(EventRejection.CheckOutWithoutCheckIn, r.Reason));
        Assert.Equal("B", Assert.Single(result.Visits).Venue);
    }

    [Fact]
    public void Build_CheckOutAtCheckInInstant_CountsAsBeforeItRejectedAndClosedByDefault()
    {
        var result = Builder.Build([In(1, "A", At(8)), Out(1, "A", At(8))]);
        Assert.Equal(EventRejection.CheckOutWithoutCheckIn, Assert.Single(result.Rejected).Reason);
        Assert.Equal(VisitClosure.DefaultLength, Assert.Single(result.Visits).Closure);
    }

    [Fact]
    public void Build_VeryLongStay_Capped()
    {
        var builder = new VisitBuilder(new VisitBuilderOptions { Clock = new FakeClock(At(48)), MaxVisitLength = Duration.FromHours(10) });
        var visit = Assert.Single(builder.Build([In(1, "F", At(6)), Out(1, "F", At(20))]).Visits);
        Assert.Equal((At(16), VisitClosure.Capped), (visit.CheckOut, visit.Closure));
    }

    [Fact]
    public void Build_EmptyVenueOrOutOfRange_Rejected()
    {
        var result = Builder.Build([In(1, "", At(8)), In(2, "A", Instant.FromUtc(1900, 1, 1, 0, 0))]);
        Assert.Equal([EventRejection.MissingVenue, EventRejection.OutOfRange], result.Rejected.Select(r => r.Reason));
        Assert.Empty(result.Visits);
    }

    [Fact]
    public void Build_EveryEventAccountedFor()
    {
        var random = new Random(7);
        var events = Enumerable.Range(0, 2_000).Select(_ => new CheckInEvent(
            P(random.Next(30)), "V" + random.Next(5), (VenueKind)random.Next(12), At(random.Next(24), random.Next(60)),
            random.Next(3) == 0 ? CheckInEventKind.CheckOut : CheckInEventKind.CheckIn)).ToList();
        var result = Builder.Build(events);
        var checkIns = events.Count(e => e.Kind == CheckInEventKind.CheckIn);
        var usedCheckIns = result.Visits.Count;
        var rejectedCheckIns = result.Rejected.Count(r => r.Event.Kind == CheckInEventKind.CheckIn);
        var usedCheckOuts = result.Visits.Count(v => v.Closure is VisitClosure.CheckedOut or VisitClosure.Capped);
        var rejectedCheckOuts = result.Rejected.Count(r => r.Event.Kind == CheckInEventKind.CheckOut);
        Assert.Equal(checkIns, usedCheckIns + rejectedCheckIns);
        Assert.Equal(events.Count - checkIns, usedCheckOuts + rejectedCheckOuts);
        Assert.All(result.Visits, v => Assert.True(v.CheckOut > v.CheckIn));
    }

    /// <summary>Regression: events within one second made visits shorter than a second, which the store then refused.</summary>
    [Fact]
    public void Build_SubSecondEvents_EveryVisitStorable()
    {
        var random = new Random(11);
        var events = Enumerable.Range(0, 5_000).Select(_ => new CheckInEvent(
            P(random.Next(20)), "V" + random.Next(3), VenueKind.Market, At(8) + Duration.FromMilliseconds(random.Next(20_000)),
            random.Next(2) == 0 ? CheckInEventKind.CheckOut : CheckInEventKind.CheckIn)).ToList();
        var builder = new VisitBuilder(new VisitBuilderOptions { Clock = new FakeClock(At(23)), MergeTolerance = Duration.Zero });
        var result = builder.Build(events);
        Assert.Equal(events.Count, result.Visits.Count + result.Visits.Count(v => v.Closure is VisitClosure.CheckedOut or VisitClosure.Capped) + result.Rejected.Count);
        var store = new CheckIn.Tracing.Index.VisitStore();
        store.AddRange(result.Visits);
        Assert.Equal(result.Visits.Count, store.Flush().Count);
    }

    [Fact]
    public void Build_CheckOutInTheSameSecond_RejectedAndClosedByDefault()
    {
        var at = At(8) + Duration.FromMilliseconds(100);
        var result = Builder.Build([In(1, "A", at), Out(1, "A", at + Duration.FromMilliseconds(800))]);
        Assert.Equal(EventRejection.CheckOutWithoutCheckIn, Assert.Single(result.Rejected).Reason);
        Assert.Equal(VisitClosure.DefaultLength, Assert.Single(result.Visits).Closure);
    }

    [Fact]
    public void Build_NextCheckInTheSameSecond_EarlierOneSuperseded()
    {
        var at = At(8) + Duration.FromMilliseconds(100);
        var result = Builder.Build([In(1, "A", at), In(1, "B", at + Duration.FromMilliseconds(500))]);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((EventRejection.Superseded, "A"), (rejected.Reason, rejected.Event.Venue));
        Assert.Equal("B", Assert.Single(result.Visits).Venue);
        Assert.Equal(TracingErrorCodes.Visit.Superseded, rejected.Error.Code);
    }

    /// <summary>Regression: an event kind outside the enum was read as a check-out.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(255)]
    public void Build_UndefinedEventKind_Rejected(int kind)
    {
        var odd = new CheckInEvent(P(1), "A", VenueKind.Market, At(9), (CheckInEventKind)kind);
        var result = Builder.Build([In(1, "A", At(8)), odd]);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((EventRejection.UnknownKind, TracingErrorCodes.Visit.UnknownKind), (rejected.Reason, rejected.Error.Code));
        Assert.Equal(VisitClosure.DefaultLength, Assert.Single(result.Visits).Closure);
    }

    [Fact]
    public void Visit_EndNotAfterStart_Throws() =>
        Assert.Throws<ArgumentException>(() => new Visit(P(1), "A", At(8), At(8)));

    [Fact]
    public void Options_MaxVisitLengthBeyondIndex_Throws() =>
        Assert.Throws<CheckIn.Core.InvalidOptionsException>(() => new VisitBuilder(new VisitBuilderOptions { MaxVisitLength = Duration.FromHours(19) }));

    [Fact]
    public void RejectedEvent_EveryReason_IsACodedError()
    {
        var codes = Enum.GetValues<EventRejection>().Select(reason => new RejectedEvent(default, reason).Error.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.Contains(code, TracingErrorCodes.All()));
    }
}
