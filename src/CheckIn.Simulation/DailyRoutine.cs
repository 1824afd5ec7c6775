using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// One resident's day: where they go (work or school on weekdays, markets in the morning, shops and
/// restaurants in the evening, worship and leisure at weekends, now and then a clinic, a bus station or a
/// checkpoint), kept inside each venue's opening hours and one place at a time; then how each visit was
/// recorded. Deterministic for (seed, resident, day).
/// </summary>
internal static class DailyRoutine
{
    private const int Day = 24 * 60;

    /// <summary>A planned stay: venue, start and end in minutes after local midnight.</summary>
    private readonly record struct Stay(int Venue, int Start, int End);

    public static void Generate(SyntheticProvince province, int resident, int day, Instant midnight, List<SimulatedVisit> into)
    {
        var options = province.Options;
        var role = province.RoleOf(resident);
        if (role == ResidentRole.Child)
        {
            return;
        }

        var random = SimulationRandom.For(options.Seed, 3, resident, day);
        var weekday = options.Start.PlusDays(day).DayOfWeek;
        var weekend = weekday is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
        var plan = Plan ??= new Stay[16];
        var count = 0;
        void Add(int venue, int start, int length) => Push(plan, ref count, venue, start, length);

        int Around(ref SimulationRandom r, int minute, int spread) => minute + (int)(r.NextGaussian() * spread);
        int Between(ref SimulationRandom r, int from, int to) => r.Next(from, to);
        int Errand(ref SimulationRandom r, int usual, VenueKind kind)
        {
            // One errand in ten goes somewhere new.
            var code = province.HomeCommuneCodeOf(resident);
            return r.Chance(0.1) ? province.PickVenue(kind, code, 0.3, ref r) : usual;
        }

        var work = province.Workplace[resident];
        var workKind = work >= 0 ? province.Venues[work].Kind : VenueKind.Unspecified;
        if (!weekend || (weekday == IsoDayOfWeek.Saturday && workKind is VenueKind.Factory or VenueKind.Market or VenueKind.Restaurant or VenueKind.Other or VenueKind.Supermarket or VenueKind.Hospital))
        {
            switch (role)
            {
                case ResidentRole.Pupil when !weekend:
                    Add(work, Around(ref random, 7 * 60, 10), Around(ref random, 9 * 60, 30));
                    if (random.Chance(0.2))
                    {
                        Add(Errand(ref random, random.Chance(0.5) ? province.Shops[2 * resident] : province.Restaurants[2 * resident], VenueKind.Other),
                            Between(ref random, (16 * 60) + 40, 18 * 60), Between(ref random, 15, 60));
                    }

                    break;
                case ResidentRole.Worker:
                    AddWork(ref random, work, workKind, province.Restaurants[2 * resident], plan, ref count);
                    break;
            }
        }

        if (!weekend)
        {
            if (role is ResidentRole.Homemaker or ResidentRole.Retired)
            {
                if (random.Chance(0.55))
                {
                    Add(Errand(ref random, province.Market[resident], VenueKind.Market), Between(ref random, 6 * 60, 8 * 60), Between(ref random, 20, 60));
                }

                if (province.Worship[resident] >= 0 && random.Chance(0.15))
                {
                    Add(province.Worship[resident], random.Chance(0.5) ? Between(ref random, 5 * 60, 6 * 60) : Between(ref random, 18 * 60, 19 * 60), Between(ref random, 45, 90));
                }

                if (random.Chance(0.3))
                {
                    Add(Errand(ref random, province.Shops[(2 * resident) + random.Next(2)], VenueKind.Other), Between(ref random, 15 * 60, 19 * 60), Between(ref random, 10, 40));
                }

                if (role == ResidentRole.Retired && random.Chance(0.2))
                {
                    Add(Errand(ref random, province.Restaurants[2 * resident], VenueKind.Restaurant), Between(ref random, (6 * 60) + 30, 8 * 60), Between(ref random, 30, 90));
                }
            }
            else if (role == ResidentRole.Worker)
            {
                if (random.Chance(0.25))
                {
                    Add(Errand(ref random, province.Shops[(2 * resident) + random.Next(2)], VenueKind.Other), Between(ref random, (17 * 60) + 30, (20 * 60) + 30), Between(ref random, 10, 40));
                }

                if (random.Chance(0.15))
                {
                    Add(Errand(ref random, province.Restaurants[(2 * resident) + random.Next(2)], VenueKind.Restaurant), Between(ref random, (18 * 60) + 30, (20 * 60) + 30), Between(ref random, 45, 90));
                }

                if (random.Chance(0.12))
                {
                    Add(Errand(ref random, province.Market[resident], VenueKind.Market), Between(ref random, (16 * 60) + 30, (17 * 60) + 30), Between(ref random, 15, 40));
                }
            }
        }
        else
        {
            if (random.Chance(role == ResidentRole.Pupil ? 0.2 : 0.45))
            {
                Add(Errand(ref random, province.Market[resident], VenueKind.Market), Between(ref random, 6 * 60, 9 * 60), Between(ref random, 20, 60));
            }

            if (province.Worship[resident] >= 0 && random.Chance(weekday == IsoDayOfWeek.Sunday ? 0.7 : 0.2))
            {
                Add(province.Worship[resident], Between(ref random, 6 * 60, 10 * 60), Between(ref random, 60, 90));
            }

            if (random.Chance(0.4))
            {
                Add(Errand(ref random, province.Shops[(2 * resident) + random.Next(2)], VenueKind.Other), Between(ref random, 9 * 60, 20 * 60), Between(ref random, 10, 40));
            }

            if (random.Chance(0.35))
            {
                Add(Errand(ref random, province.Restaurants[(2 * resident) + random.Next(2)], VenueKind.Restaurant), Between(ref random, 7 * 60, 21 * 60), Between(ref random, 45, 120));
            }
        }

        // Now and then: a clinic, a bus station, a checkpoint on the way.
        var home = province.HomeCommuneCodeOf(resident);
        if (province.AgeOf(resident) >= 18)
        {
            if (random.Chance(0.008))
            {
                Add(province.PickVenue(VenueKind.Hospital, home, 0.5, ref random), Between(ref random, (7 * 60) + 30, 15 * 60), Between(ref random, 60, 180));
            }

            if (random.Chance(0.015))
            {
                Add(province.PickVenue(VenueKind.Transport, home, 0.3, ref random), Between(ref random, 5 * 60, 20 * 60), Between(ref random, 15, 45));
            }

            if (random.Chance(0.005))
            {
                Add(province.PickVenue(VenueKind.Checkpoint, home, 0.2, ref random), Between(ref random, 6 * 60, 20 * 60), Between(ref random, 5, 15));
            }
        }

        Schedule(province, plan.AsSpan(0, count), weekday, ref random, resident, day, midnight, into);
    }

    [ThreadStatic]
    private static Stay[]? Plan;

    private static void Push(Stay[] plan, ref int count, int venue, int start, int length)
    {
        if (venue >= 0 && count < plan.Length && length > 0)
        {
            plan[count++] = new Stay(venue, start, start + length);
        }
    }

    private static void AddWork(ref SimulationRandom random, int work, VenueKind kind, int lunch, Stay[] plan, ref int count)
    {

        switch (kind)
        {
            case VenueKind.Office:
                {
                    var start = (7 * 60) + 30 + (int)(random.NextGaussian() * 15);
                    if (random.Chance(0.35))
                    {
                        // Out for lunch: two stays at work around a meal at a restaurant.
                        Push(plan, ref count, work, start, (11 * 60) + 30 - start);
                        Push(plan, ref count, lunch, (11 * 60) + 40, 50 + random.Next(20));
                        Push(plan, ref count, work, (13 * 60) + 15, (17 * 60) - ((13 * 60) + 15) + random.Next(30));
                    }
                    else
                    {
                        Push(plan, ref count, work, start, (17 * 60) - start + random.Next(30));
                    }

                    break;
                }

            case VenueKind.Factory:
                {
                    var shift = random.Chance(0.5) ? 6 * 60 : 14 * 60;
                    Push(plan, ref count, work, shift - random.Next(15), (8 * 60) + random.Next(15));
                    break;
                }

            case VenueKind.School:
                Push(plan, ref count, work, (6 * 60) + 45 + random.Next(20), 9 * 60);
                break;
            case VenueKind.Hospital:
                Push(plan, ref count, work, (7 * 60) + random.Next(20), 9 * 60);
                break;
            default:
                // Shops, restaurants, markets, supermarkets: a shift from opening time.
                Push(plan, ref count, work, (7 * 60) + random.Next(60), (7 * 60) + random.Next(120));
                break;
        }
    }

    /// <summary>Orders the stays, keeps one place at a time and inside opening hours, then records each.</summary>
    private static void Schedule(SyntheticProvince province, Span<Stay> plan, IsoDayOfWeek weekday, ref SimulationRandom random, int resident, int day, Instant midnight, List<SimulatedVisit> into)
    {
        // How visits are recorded draws from a stream of its own: with the same seed, changing a compliance share
        // changes the records only, never where people went (nor, so, the outbreak) — a study compares like with like.
        var recording = SimulationRandom.For(province.Options.Seed, 7, resident, day);
        plan.Sort((a, b) => a.Start.CompareTo(b.Start));
        var free = 0;
        foreach (var stay in plan)
        {
            var venue = province.Venues[stay.Venue];
            if (!venue.IsOpenOn(weekday))
            {
                continue;
            }

            var length = stay.End - stay.Start;
            var start = Math.Max(Math.Max(stay.Start, free), venue.OpensMinute);
            var end = Math.Min(Math.Min(start + length, venue.ClosesMinute), Day);
            if (end - start < 5)
            {
                continue;
            }

            // Travel between places.
            free = end + 10 + random.Next(20);
            var (channel, details) = Record(province, resident, venue, ref recording);
            into.Add(new SimulatedVisit(resident, stay.Venue, midnight + Duration.FromMinutes(start), midnight + Duration.FromMinutes(end), channel, details));
        }
    }

    private static (RecordingChannel Channel, RecordDetails Details) Record(SyntheticProvince province, int resident, SimulatedVenue venue, ref SimulationRandom random)
    {
        var options = province.Options;
        if (!venue.EnforcesCheckIn)
        {
            // No code at the door, nobody scanning cards, no paper log: only a few visitors scan on their own.
            return province.HasSmartphone(resident) && random.Chance(options.ScanShare * options.NonCompliantScanFactor)
                ? (RecordingChannel.App, random.Chance(options.MissingCheckOutShare) ? RecordDetails.None : RecordDetails.CheckedOut)
                : (RecordingChannel.Unrecorded, RecordDetails.None);
        }

        if (province.HasSmartphone(resident) && random.Chance(options.ScanShare))
        {
            var details = RecordDetails.None;
            if (!random.Chance(options.MissingCheckOutShare))
            {
                details |= RecordDetails.CheckedOut;
            }

            if (random.Chance(options.DuplicateScanShare))
            {
                details |= RecordDetails.DuplicateScan;
            }

            return (RecordingChannel.App, details);
        }

        if (venue.HasDoorStaff && random.Chance(options.CardScanShare))
        {
            return (RecordingChannel.CardScan, RecordDetails.None);
        }

        if (random.Chance(options.PaperLogShare))
        {
            var details = RecordDetails.None;
            if (random.Chance(options.PaperTypoShare))
            {
                details |= RecordDetails.NameTypo;
            }

            if (random.Chance(options.PaperPhoneErrorShare))
            {
                details |= RecordDetails.PhoneWrong;
            }

            if (random.Chance(0.5))
            {
                details |= RecordDetails.TimeOutWritten;
            }

            return (RecordingChannel.PaperLog, details);
        }

        return (RecordingChannel.Unrecorded, RecordDetails.None);
    }
}
