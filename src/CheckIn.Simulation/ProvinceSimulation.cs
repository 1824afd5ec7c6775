using CheckIn.Core;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// Runs a province day by day: everyone's visits (in parallel, the same on any number of cores), then the
/// outbreak's transmissions over the day's shared visits. Days stream out one at a time, so a run of a
/// hundred million visits never holds more than a day of them. Enumerate <see cref="Run"/> once.
/// </summary>
public sealed class ProvinceSimulation
{
    private const int MinutesPerDay = 24 * 60;
    private const int NotInfected = int.MinValue;
    private const int ChunkSize = 2048;

    private readonly int[] _infectedAt; // minutes after the start, or NotInfected
    private readonly byte[] _generation;
    private readonly List<Infection> _infections = [];
    private bool _started;

    /// <summary>
    /// The paper-log matcher and its directory, shared by every recording of this run (the entries are the same, and
    /// so are their matches).
    /// </summary>
    internal (PaperLogMatcher Matcher, Dictionary<PersonPseudonym, int> ResidentOf)? PaperLogs { get; set; }

    /// <summary>Prepares a run; the outbreak's index cases are chosen here, infected before the first day so that they are infectious on it.</summary>
    /// <param name="province">The province.</param>
    public ProvinceSimulation(SyntheticProvince province)
    {
        ArgumentNullException.ThrowIfNull(province);
        Province = province;
        _infectedAt = new int[province.ResidentCount];
        _infectedAt.AsSpan().Fill(NotInfected);
        _generation = new byte[province.ResidentCount];
        if (province.Options.Outbreak is { } outbreak)
        {
            var random = SimulationRandom.For(province.Options.Seed, 4);
            var wanted = Math.Min(outbreak.IndexCases, province.ResidentCount / 2);
            for (var tries = 0; _infections.Count < wanted && tries < 100 * (wanted + 1); tries++)
            {
                var resident = random.Next(province.ResidentCount);
                if (_infectedAt[resident] == NotInfected && province.RoleOf(resident) is ResidentRole.Worker or ResidentRole.Homemaker)
                {
                    Infect(resident, -1, -1, -outbreak.LatentDays * MinutesPerDay, 0);
                }
            }
        }
    }

    /// <summary>The province.</summary>
    public SyntheticProvince Province { get; }

    /// <summary>Every infection so far, in the order they happened (index cases first).</summary>
    public IReadOnlyList<Infection> Infections => _infections;

    /// <summary>Runs the days in order.</summary>
    /// <param name="cancellationToken">Stops the run before the next day (a day of a large province takes about a second).</param>
    /// <returns>Each day's visits and infections.</returns>
    /// <exception cref="InvalidOperationException">The run was already enumerated.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (while enumerating).</exception>
    public IEnumerable<SimulatedDay> Run(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("A simulation runs once; make a new ProvinceSimulation to run again.");
        }

        _started = true;
        return Days(cancellationToken);
    }

    private IEnumerable<SimulatedDay> Days(CancellationToken cancellationToken)
    {
        var start = Province.StartInstant;
        for (var day = 0; day < Province.Options.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var midnight = start + Duration.FromDays(day);
            var visits = GenerateDay(day, midnight);
            var before = _infections.Count;
            if (Province.Options.Outbreak is { } outbreak)
            {
                Transmit(day, visits, outbreak);
                TransmitAtHome(day, outbreak);
            }

            yield return new SimulatedDay(Province, day, Province.Options.Start.PlusDays(day), visits, _infections.GetRange(before, _infections.Count - before), StateAt);
        }
    }

    private DayVisits GenerateDay(int day, Instant midnight)
    {
        var residents = Province.ResidentCount;
        var chunks = (residents + ChunkSize - 1) / ChunkSize;
        var parts = new List<SimulatedVisit>[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            // About 1.3 visits a resident a day; lists grow when a chunk has more.
            var list = new List<SimulatedVisit>(ChunkSize * 3 / 2);
            var end = Math.Min(residents, (chunk + 1) * ChunkSize);
            for (var resident = chunk * ChunkSize; resident < end; resident++)
            {
                if (!IsIsolated(resident, day))
                {
                    DailyRoutine.Generate(Province, resident, day, midnight, list);
                }
            }

            parts[chunk] = list;
        });

        // The day's list is the chunks' lists side by side: no copy into one big array.
        return new DayVisits(parts);
    }

    /// <summary>
    /// A resident's state at a minute after the start. Asked after later days it still answers for that minute: a
    /// resident infected later was susceptible then.
    /// </summary>
    private ProximityModel.InfectionState StateAt(int resident, int minute)
    {
        var infected = _infectedAt[resident];
        if (infected == NotInfected || infected > minute || Province.Options.Outbreak is not { } outbreak)
        {
            return ProximityModel.InfectionState.Susceptible;
        }

        return infected + (outbreak.LatentDays * MinutesPerDay) <= minute ? ProximityModel.InfectionState.Infectious : ProximityModel.InfectionState.Latent;
    }

    /// <summary>Isolated at home from the day after symptoms start.</summary>
    private bool IsIsolated(int resident, int day)
    {
        var infected = _infectedAt[resident];
        if (infected == NotInfected || Province.Options.Outbreak is not { } outbreak)
        {
            return false;
        }

        // Onset is never before the first day (OnsetDays ≥ LatentDays), so whole-minute division is the floor.
        var onsetDay = (infected + (outbreak.OnsetDays * MinutesPerDay)) / MinutesPerDay;
        return day > onsetDay;
    }

    private void Transmit(int day, DayVisits visits, OutbreakOptions outbreak)
    {
        var start = Province.StartInstant;
        int Minute(Instant at) => (int)(at - start).TotalMinutes;
        bool Infectious(int resident, int minute) =>
            _infectedAt[resident] != NotInfected && _infectedAt[resident] + (outbreak.LatentDays * MinutesPerDay) <= minute;

        // Venues where an infectious person spent time today, with every visit there.
        var hot = new HashSet<int>();
        foreach (var visit in visits)
        {
            if (Infectious(visit.Resident, Minute(visit.Arrival)))
            {
                hot.Add(visit.Venue);
            }
        }

        if (hot.Count == 0)
        {
            return;
        }

        var atVenue = new Dictionary<int, List<SimulatedVisit>>();
        foreach (var visit in visits)
        {
            if (hot.Contains(visit.Venue))
            {
                if (!atVenue.TryGetValue(visit.Venue, out var list))
                {
                    atVenue[visit.Venue] = list = [];
                }

                list.Add(visit);
            }
        }

        var random = SimulationRandom.For(Province.Options.Seed, 5, day);
        foreach (var venue in atVenue.Keys.Order())
        {
            var here = atVenue[venue];
            var closeShare = Math.Min(1.0, outbreak.CloseContacts / (double)Math.Max(1, here.Count - 1));
            foreach (var source in here)
            {
                if (!Infectious(source.Resident, Minute(source.Arrival)))
                {
                    continue;
                }

                foreach (var target in here)
                {
                    if (_infectedAt[target.Resident] != NotInfected)
                    {
                        continue;
                    }

                    var from = Minute(source.Arrival > target.Arrival ? source.Arrival : target.Arrival);
                    var until = Minute(source.Departure < target.Departure ? source.Departure : target.Departure);
                    if (until <= from)
                    {
                        continue;
                    }

                    if (random.NextDouble() < 1 - Math.Exp(-outbreak.RatePerMinute * closeShare * (until - from)))
                    {
                        Infect(target.Resident, source.Resident, venue, (from + until) / 2, _generation[source.Resident] + 1);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Each infectious person (infectious at 19:00 and not yet isolated) infects each susceptible member of their
    /// household with probability <see cref="OutbreakOptions.HouseholdRiskPerDay"/>, at 19:00 local time.
    /// </summary>
    private void TransmitAtHome(int day, OutbreakOptions outbreak)
    {
        if (outbreak.HouseholdRiskPerDay <= 0)
        {
            return;
        }

        var evening = (day * MinutesPerDay) + (19 * 60);
        var random = SimulationRandom.For(Province.Options.Seed, 9, day);
        var sources = _infections.Count;
        for (var k = 0; k < sources; k++)
        {
            var source = _infections[k].Resident;
            if (_infectedAt[source] + (outbreak.LatentDays * MinutesPerDay) > evening || IsIsolated(source, day))
            {
                continue;
            }

            var head = Province.HouseholdOf(source);
            var end = Province.HouseholdEnd(head);
            for (var member = head; member < end; member++)
            {
                if (member != source && _infectedAt[member] == NotInfected && random.Chance(outbreak.HouseholdRiskPerDay))
                {
                    Infect(member, source, -1, evening, _generation[source] + 1);
                }
            }
        }
    }

    private void Infect(int resident, int infector, int venue, int minute, int generation)
    {
        var outbreak = Province.Options.Outbreak!;
        _infectedAt[resident] = minute;
        _generation[resident] = (byte)Math.Min(255, generation);
        var at = Province.StartInstant + Duration.FromMinutes(minute);
        _infections.Add(new Infection(resident, infector, venue, at, at + Duration.FromDays(outbreak.OnsetDays), generation));
    }
}

/// <summary>One simulated day: every visit that happened (the ground truth, with how each was recorded) and the day's new infections.</summary>
public sealed class SimulatedDay
{
    private readonly SyntheticProvince _province;
    private readonly Func<int, int, ProximityModel.InfectionState>? _stateAt;
    private List<SimulatedEncounter>? _encounters;

    internal SimulatedDay(SyntheticProvince province, int day, LocalDate date, IReadOnlyList<SimulatedVisit> visits, IReadOnlyList<Infection> infections,
        Func<int, int, ProximityModel.InfectionState>? stateAt = null)
    {
        _province = province;
        _stateAt = stateAt;
        Day = day;
        Date = date;
        Visits = visits;
        NewInfections = infections;
    }

    /// <summary>The day's number, 0 for the first.</summary>
    public int Day { get; }

    /// <summary>The day's paper-log entries with their matches, once matched (shared by every recording of the day).</summary>
    internal List<(SimulatedPaperEntry Entry, PaperLogMatch? Match)>? PaperMatches { get; set; }

    /// <summary>The local date.</summary>
    public LocalDate Date { get; }

    /// <summary>Every visit of the day, by resident.</summary>
    public IReadOnlyList<SimulatedVisit> Visits { get; }

    /// <summary>Infections that happened this day (the index cases, infected before the first day, are only in <see cref="ProvinceSimulation.Infections"/>).</summary>
    public IReadOnlyList<Infection> NewInfections { get; }

    /// <summary>
    /// The Bluetooth encounters the Bluezone users' phones logged this day, at venues and at home (none when
    /// <see cref="SimulationOptions.BluezoneShare"/> is 0), in venue order then time; made on first use (every pair of users
    /// at each venue, so about as long as the day's visits took) and kept with the day.
    /// </summary>
    /// <param name="cancellationToken">Stops making them.</param>
    /// <returns>The encounters, the same on every call.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IReadOnlyList<SimulatedEncounter> Encounters(CancellationToken cancellationToken = default) =>
        _encounters ??= ProximityModel.Generate(_province, Day, Visits, NewInfections, _stateAt, cancellationToken);

    /// <summary>
    /// The check-in events the records hold, as apps, staff and paper logs produced them: app check-ins (twice
    /// when scanned twice) and check-outs when made, card scans (check-in only), and — when
    /// <paramref name="includePaperLogs"/> — paper-log entries whose phone number is right (time rounded to
    /// five minutes, the time out when written).
    /// </summary>
    /// <param name="person">The pseudonym of a resident, by index.</param>
    /// <param name="includePaperLogs">Whether paper-log entries count as resolved to their person.</param>
    /// <returns>The events, in visit order.</returns>
    public IEnumerable<CheckInEvent> RecordedEvents(Func<int, PersonPseudonym> person, bool includePaperLogs = true)
    {
        ArgumentNullException.ThrowIfNull(person);
        return RecordedEventsPerVisit(visit => person(visit.Resident), includePaperLogs);
    }

    /// <summary>
    /// The day's recorded events with the person each visit was recorded under chosen per visit (the card a staff
    /// member scanned, the account an app checked in with).
    /// </summary>
    /// <param name="personOf">The pseudonym a visit is recorded under.</param>
    /// <param name="includePaperLogs">Whether paper-log entries with a right phone number are included (under their visit's person).</param>
    /// <returns>The events, in visit order.</returns>
    public IEnumerable<CheckInEvent> RecordedEventsPerVisit(Func<SimulatedVisit, PersonPseudonym> personOf, bool includePaperLogs = true)
    {
        ArgumentNullException.ThrowIfNull(personOf);
        foreach (var visit in Visits)
        {
            var venue = _province.Venues[visit.Venue];
            switch (visit.Channel)
            {
                case RecordingChannel.App:
                    yield return new CheckInEvent(personOf(visit), venue.Id, venue.Kind, visit.Arrival, CheckInEventKind.CheckIn);
                    if ((visit.Details & RecordDetails.DuplicateScan) != 0)
                    {
                        yield return new CheckInEvent(personOf(visit), venue.Id, venue.Kind, visit.Arrival + Duration.FromMinutes(1), CheckInEventKind.CheckIn);
                    }

                    if ((visit.Details & RecordDetails.CheckedOut) != 0)
                    {
                        yield return new CheckInEvent(personOf(visit), venue.Id, venue.Kind, visit.Departure, CheckInEventKind.CheckOut);
                    }

                    break;
                case RecordingChannel.CardScan:
                    yield return new CheckInEvent(personOf(visit), venue.Id, venue.Kind, visit.Arrival, CheckInEventKind.CheckIn);
                    break;
                case RecordingChannel.PaperLog when includePaperLogs && visit.IsTraceable:
                    foreach (var e in PaperEvents(personOf(visit), venue, visit))
                    {
                        yield return e;
                    }

                    break;
            }
        }
    }

    /// <summary>The day's paper-log entries as written: misspelt names, wrong phone numbers and rounded times included.</summary>
    /// <returns>The entries, in visit order.</returns>
    public IEnumerable<SimulatedPaperEntry> PaperLogEntries()
    {
        var seed = _province.Options.Seed;
        var i = -1;
        foreach (var visit in Visits)
        {
            i++;
            if (visit.Channel != RecordingChannel.PaperLog)
            {
                continue;
            }

            var random = SimulationRandom.For(seed, 6, Day, i);
            var fullName = _province.FullNameOf(visit.Resident);
            var name = (visit.Details & RecordDetails.NameTypo) != 0 ? VietnameseNames.WithTypo(fullName, ref random) : fullName;
            var phone = _province.PhoneTextOf(visit.Resident);
            if ((visit.Details & RecordDetails.PhoneWrong) != 0)
            {
                // Two neighbouring digits swapped, or one digit miswritten.
                var digits = phone.ToCharArray();
                var at = random.Next(2, digits.Length - 1);
                if (random.Chance(0.5) && digits[at] != digits[at + 1])
                {
                    (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
                }
                else
                {
                    digits[at] = (char)('0' + ((digits[at] - '0' + 1 + random.Next(8)) % 10));
                }

                phone = new string(digits);
            }

            var (checkIn, checkOut) = PaperTimes(visit);
            yield return new SimulatedPaperEntry(visit.Venue, name, phone, checkIn, checkOut, visit.Resident);
        }
    }

    private static (Instant In, Instant? Out) PaperTimes(SimulatedVisit visit)
    {
        var fiveMinutes = Duration.FromMinutes(5).BclCompatibleTicks;
        var checkIn = Instant.FromUnixTimeTicks(visit.Arrival.ToUnixTimeTicks() / fiveMinutes * fiveMinutes);
        Instant? checkOut = (visit.Details & RecordDetails.TimeOutWritten) != 0
            ? Instant.FromUnixTimeTicks(((visit.Departure.ToUnixTimeTicks() + fiveMinutes - 1) / fiveMinutes) * fiveMinutes)
            : null;
        return (checkIn, checkOut);
    }

    private static IEnumerable<CheckInEvent> PaperEvents(PersonPseudonym person, SimulatedVenue venue, SimulatedVisit visit)
    {
        var (checkIn, checkOut) = PaperTimes(visit);
        yield return new CheckInEvent(person, venue.Id, venue.Kind, checkIn, CheckInEventKind.CheckIn);
        if (checkOut is { } leaving)
        {
            yield return new CheckInEvent(person, venue.Id, venue.Kind, leaving, CheckInEventKind.CheckOut);
        }
    }
}

/// <summary>A line of a venue's paper log, as written by hand.</summary>
/// <param name="Venue">The venue's index.</param>
/// <param name="WrittenName">The name as written (maybe misspelt).</param>
/// <param name="WrittenPhone">The phone number as written (maybe wrong).</param>
/// <param name="CheckIn">The time in, rounded down to five minutes.</param>
/// <param name="CheckOut">The time out, rounded up to five minutes, when written.</param>
/// <param name="Resident">Who actually wrote it (the ground truth; a tracer does not have it).</param>
public readonly record struct SimulatedPaperEntry(int Venue, string WrittenName, string WrittenPhone, Instant CheckIn, Instant? CheckOut, int Resident)
{
    /// <summary>Masked: a paper log holds names and phone numbers.</summary>
    /// <returns>For example <c>SimulatedPaperEntry { Venue = 12, WrittenName = N***** V** A*, WrittenPhone = 091****678 }</c>.</returns>
    public override string ToString() =>
        $"SimulatedPaperEntry {{ Venue = {Venue}, WrittenName = {Redaction.MaskName(WrittenName)}, WrittenPhone = {Redaction.MaskPhone(WrittenPhone)} }}";
}

/// <summary>A day's visits: the lists of the resident chunks, read as one list in resident order.</summary>
internal sealed class DayVisits : IReadOnlyList<SimulatedVisit>
{
    private readonly List<SimulatedVisit>[] _parts;
    private readonly int[] _starts;

    public DayVisits(List<SimulatedVisit>[] parts)
    {
        _parts = parts;
        _starts = new int[parts.Length + 1];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i].TrimExcess();
            _starts[i + 1] = _starts[i] + parts[i].Count;
        }
    }

    public int Count => _starts[^1];

    public SimulatedVisit this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var part = Array.BinarySearch(_starts, index);
            if (part < 0)
            {
                part = ~part - 1;
            }
            else
            {
                // Several parts may start at the same index when some are empty: take the last of them.
                while (part + 1 < _parts.Length && _starts[part + 1] == index)
                {
                    part++;
                }
            }

            return _parts[part][index - _starts[part]];
        }
    }

    public IEnumerator<SimulatedVisit> GetEnumerator()
    {
        foreach (var part in _parts)
        {
            foreach (var visit in part)
            {
                yield return visit;
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
