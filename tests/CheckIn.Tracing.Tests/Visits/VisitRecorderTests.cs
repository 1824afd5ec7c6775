using CheckIn.Core.Places;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using NodaTime;
using NodaTime.Testing;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Visits;

public sealed class VisitRecorderTests
{
    private static readonly VisitBuilderOptions Rules = new() { Clock = new FakeClock(At(24 * 5)) };

    private static VisitRecorder Recorder(Duration? horizon = null) => new(new VisitRecorderOptions { Visits = Rules, Horizon = horizon ?? Duration.FromMinutes(10) });

    private static CheckInEvent In(int person, string venue, Instant at, VenueKind kind = VenueKind.Market) => new(P(person), venue, kind, at, CheckInEventKind.CheckIn);

    private static CheckInEvent Out(int person, string venue, Instant at) => new(P(person), venue, VenueKind.Market, at, CheckInEventKind.CheckOut);

    [Fact]
    public void CheckOutInALaterCall_ClosesItsVisit()
    {
        // The batch builder given these in two calls made a default-length visit and refused the check-out.
        var recorder = Recorder();
        Assert.Empty(recorder.Record(In(1, "A", At(8))).Closed);
        var step = recorder.Record(Out(1, "A", At(9)));
        Assert.Empty(step.Rejected);
        Assert.Empty(step.Closed); // not settled until the watermark passes it
        var visit = Assert.Single(recorder.Advance(At(9, 11)).Closed);
        Assert.Equal((At(8), At(9), VisitClosure.CheckedOut), (visit.CheckIn, visit.CheckOut, visit.Closure));
    }

    [Fact]
    public void OpenPastDefaultLength_AssumedOnce_ThenReplacedByALateCheckOut()
    {
        var recorder = Recorder();
        recorder.Record(In(1, "M", At(8)));
        var assumed = Assert.Single(recorder.Advance(At(10)).Assumed); // a market visit lasts 45 min by default
        Assert.Equal((At(8, 45), VisitClosure.DefaultLength), (assumed.CheckOut, assumed.Closure));
        Assert.Empty(recorder.Advance(At(11)).Assumed);
        recorder.Record(Out(1, "M", At(12)));
        var closed = Assert.Single(recorder.Advance(At(13)).Closed);
        Assert.Equal((At(8), At(12), VisitClosure.CheckedOut), (closed.CheckIn, closed.CheckOut, closed.Closure));
    }

    [Fact]
    public void OpenVisit_SettlesWhenNothingCanChangeIt()
    {
        var recorder = Recorder();
        recorder.Record(In(1, "M", At(8)));
        // A check-out may close it up to 12 h (the cap) + 12 h (late window) after the check-in.
        Assert.Empty(recorder.Advance(At(8 + 23)).Closed);
        var settled = Assert.Single(recorder.Advance(At(8 + 25)).Closed);
        Assert.Equal(VisitClosure.DefaultLength, settled.Closure);
        Assert.Equal(0, recorder.OpenPeople);
    }

    [Fact]
    public void LateEventWithinHorizon_Placed_OlderRefused()
    {
        var recorder = Recorder(Duration.FromMinutes(45));
        recorder.Record(In(2, "B", At(10)));
        // Person 1's check-out at 9:50 arrives after person 2's 10:00 check-in: within the horizon, still placed.
        recorder.Record([In(1, "A", At(9, 20)), Out(1, "A", At(9, 50))]);
        var tooLate = recorder.Record(In(3, "C", At(9, 10)));
        Assert.Equal(EventRejection.TooLate, Assert.Single(tooLate.Rejected).Reason);
        var visits = recorder.Complete().Closed;
        Assert.Contains(visits, v => v.Person == P(1) && v.Closure == VisitClosure.CheckedOut && v.CheckOut == At(9, 50));
    }

    [Fact]
    public void SameSecondAtTheWatermark_CheckOutStillTakenFirst()
    {
        // With no horizon, a check-out arriving after a check-in of the same second must still be taken first, as
        // the builder does: nothing at the watermark's own second is settled until the watermark moves past it.
        var events = new[] { In(1, "B", At(9)), Out(1, "A", At(9)), In(1, "A", At(8)) };
        var batch = new VisitBuilder(Rules).Build(events);
        var live = Feed(Recorder(Duration.Zero), [(events[2], At(8)), (events[0], At(9)), (events[1], At(9))], new Random(3), oneByOne: true);
        Assert.Equal(batch.Visits, live.Visits);
        Assert.Equal(VisitClosure.CheckedOut, live.Visits[0].Closure);
    }

    [Fact]
    public void Duplicates_Merged_AsTheBuilderDoes()
    {
        var recorder = Recorder();
        recorder.Record(In(1, "A", At(8)));
        Assert.Empty(recorder.Record(In(1, "A", At(8, 3))).Rejected); // placed when the watermark passes it
        Assert.Equal(EventRejection.DuplicateScan, Assert.Single(recorder.Advance(At(9)).Rejected).Reason);
    }

    [Fact]
    public void VeryLateCheckOut_PairsWithNothing_InBothBuilderAndRecorder()
    {
        var events = new[] { In(1, "A", At(8)), Out(1, "A", At(8 + 30)) };
        var batch = new VisitBuilder(Rules).Build(events);
        Assert.Equal(VisitClosure.DefaultLength, Assert.Single(batch.Visits).Closure);
        Assert.Equal(EventRejection.CheckOutWithoutCheckIn, Assert.Single(batch.Rejected).Reason);
        var live = Feed(Recorder(), events.Select(e => (e, e.At)).ToList(), new Random(1));
        Assert.Equal(batch.Visits, live.Visits);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void OneByOneOrInBatches_SameVisitsSameRejectionsSameTrace(int seed)
    {
        // Many random worlds per seed: busy venues, missing and late check-outs, duplicates, same-second scans,
        // events from the future, arrivals shuffled within the horizon and cut into random batches.
        for (var world = 0; world < 40; world++)
        {
            var random = new Random((seed * 1000) + world);
            var horizon = Duration.FromMinutes(random.Next(0, 4) * 10);
            var events = RandomEvents(random);
            var arrivals = events.Select(e => (Event: e, Arrival: e.At + Duration.FromSeconds(random.NextDouble() * horizon.TotalSeconds))).OrderBy(a => a.Arrival).ToList();
            var batch = new VisitBuilder(Rules).Build(arrivals.Select(a => a.Event));
            var live = Feed(Recorder(horizon), arrivals, random, oneByOne: world % 2 == 0);

            Assert.Equal(Sorted(batch.Visits), Sorted(live.Visits));
            Assert.Equal(Sorted(batch.Rejected), Sorted(live.Rejected));
            Assert.All(live.Assumed, a => Assert.Contains(live.Visits, v => v.Person == a.Person && v.CheckIn == a.CheckIn && v.Venue == a.Venue));

            // And the same trace: the index sees the same visits.
            Assert.Equal(Trace(batch.Visits), Trace(live.Visits));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CheckpointedAndRestoredAnywhere_SameAsUninterrupted(int seed)
    {
        for (var world = 0; world < 40; world++)
        {
            var random = new Random((seed * 7919) + world);
            var horizon = Duration.FromMinutes(random.Next(0, 4) * 10);
            var options = new VisitRecorderOptions { Visits = Rules, Horizon = horizon };
            var arrivals = RandomEvents(random).Select(e => (Event: e, Arrival: e.At + Duration.FromSeconds(random.NextDouble() * horizon.TotalSeconds))).OrderBy(a => a.Arrival).ToList();
            var cuts = random.Next();
            var uninterrupted = Feed(new VisitRecorder(options), arrivals, new Random(cuts));
            var restarted = Feed(new VisitRecorder(options), arrivals, new Random(cuts), restartWith: options);
            Assert.Equal(Sorted(uninterrupted.Visits), Sorted(restarted.Visits));
            Assert.Equal(Sorted(uninterrupted.Rejected), Sorted(restarted.Rejected));
            Assert.Equal(Sorted(uninterrupted.Assumed), Sorted(restarted.Assumed));
        }
    }

    [Fact]
    public void FromCheckpoint_Inconsistent_Refused()
    {
        var checkIn = In(1, "M1", At(8));
        Assert.Throws<ArgumentException>(() => VisitRecorder.FromCheckpoint(new RecorderCheckpoint(At(8), At(8), 1, [new OpenCheckIn(checkIn, At(8), 0, false)], [new WaitingEvent(Out(1, "M1", At(9)), 0)])));
        Assert.Throws<ArgumentException>(() => VisitRecorder.FromCheckpoint(new RecorderCheckpoint(At(8), At(8), 1, [new OpenCheckIn(checkIn, At(8), 5, false)], [])));
        Assert.Throws<ArgumentException>(() => VisitRecorder.FromCheckpoint(new RecorderCheckpoint(At(8), At(8), 2, [new OpenCheckIn(checkIn, At(8), 0, false), new OpenCheckIn(checkIn, At(8), 1, false)], [])));
        Assert.Equal(0, VisitRecorder.FromCheckpoint(new VisitRecorder().Checkpoint()).OpenPeople);
    }

    private static (List<Visit> Visits, List<RejectedEvent> Rejected, List<Visit> Assumed) Feed(VisitRecorder recorder, List<(CheckInEvent Event, Instant Arrival)> arrivals, Random random,
        bool oneByOne = false, VisitRecorderOptions? restartWith = null)
    {
        var visits = new List<Visit>();
        var rejected = new List<RejectedEvent>();
        var assumed = new List<Visit>();
        void Take(RecordingStep step)
        {
            visits.AddRange(step.Closed);
            rejected.AddRange(step.Rejected);
            assumed.AddRange(step.Assumed);
        }

        var i = 0;
        while (i < arrivals.Count)
        {
            var size = !oneByOne && random.Next(3) == 0 ? random.Next(1, 40) : 1;
            var batch = arrivals.Skip(i).Take(size).ToList();
            Take(recorder.Record(batch.Select(a => a.Event)));
            i += batch.Count;
            if (i < arrivals.Count && random.Next(5) == 0)
            {
                // Time passes before the next arrival.
                Take(recorder.Advance(arrivals[i].Arrival));
            }

            // The same draws either way; with restartWith the recorder is checkpointed and a new one goes on from it.
            if (random.Next(3) == 0 && restartWith is not null)
            {
                recorder = VisitRecorder.FromCheckpoint(recorder.Checkpoint(), restartWith);
            }
        }

        Take(recorder.Complete());
        return (visits, rejected, assumed);
    }

    private static List<CheckInEvent> RandomEvents(Random random)
    {
        var events = new List<CheckInEvent>();
        var venues = new[] { ("M1", VenueKind.Market), ("M2", VenueKind.Market), ("S", VenueKind.School), ("R", VenueKind.Restaurant), ("H", VenueKind.Hospital) };
        var persons = random.Next(2, 12);
        for (var p = 1; p <= persons; p++)
        {
            var time = Day + Duration.FromMinutes(random.Next(0, 600));
            for (var v = random.Next(1, 8); v > 0; v--)
            {
                var (venue, kind) = venues[random.Next(venues.Length)];
                events.Add(new CheckInEvent(P(p), venue, kind, time, CheckInEventKind.CheckIn));
                if (random.Next(6) == 0)
                {
                    var again = time + Duration.FromMinutes(random.Next(0, 6));
                    events.Add(new CheckInEvent(P(p), venue, kind, again, CheckInEventKind.CheckIn));
                    if (random.Next(2) == 0)
                    {
                        // A third scan within the merge tolerance of the second but not of the first.
                        events.Add(new CheckInEvent(P(p), venue, kind, again + Duration.FromMinutes(random.Next(3, 6)), CheckInEventKind.CheckIn));
                    }
                }

                var stay = Duration.FromMinutes(random.Next(0, 4) == 0 ? random.Next(0, 2000) : random.Next(1, 180));
                if (random.Next(4) != 0)
                {
                    events.Add(new CheckInEvent(P(p), random.Next(15) == 0 ? "M1" : venue, kind, time + stay, CheckInEventKind.CheckOut));
                }

                // Often the next check-in is in the very second of the check-out (leaving one place, entering the next).
                time += stay + (random.Next(3) == 0 ? Duration.Zero : Duration.FromMinutes(random.Next(0, 300)));
                if (random.Next(20) == 0)
                {
                    time = time - Duration.FromMinutes(random.Next(0, 60)); // overlapping scans on a confused phone
                }
            }
        }

        if (random.Next(3) == 0)
        {
            events.Add(new CheckInEvent(P(99), "F", VenueKind.Market, At(24 * 9), CheckInEventKind.CheckIn)); // in the future
        }

        return events;
    }

    private static List<Visit> Sorted(IEnumerable<Visit> visits) =>
        [.. visits.OrderBy(v => v.Person.Low).ThenBy(v => v.CheckIn).ThenBy(v => v.Venue, StringComparer.Ordinal).ThenBy(v => v.CheckOut)];

    private static List<RejectedEvent> Sorted(IEnumerable<RejectedEvent> rejected) =>
        [.. rejected.OrderBy(r => r.Event.Person.Low).ThenBy(r => r.Event.At).ThenBy(r => r.Event.Kind).ThenBy(r => r.Event.Venue, StringComparer.Ordinal).ThenBy(r => r.Reason)];

    private static string Trace(IReadOnlyCollection<Visit> visits)
    {
        var store = new VisitStore();
        store.AddRange(visits);
        var tracer = new ContactTracer(store.Flush());
        var result = tracer.Trace([new TraceCase(P(1), Day, Day + Duration.FromDays(4))], new ContactTracerOptions { AsOf = Day + Duration.FromDays(4), MaxDepth = 2 });
        return string.Join(";", result.Contacts.OrderBy(c => c.Person.Low).Select(c => $"{c.Person.Low}@{c.Level}@{c.ExposedAt}"));
    }
}
