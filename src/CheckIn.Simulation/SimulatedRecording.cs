using System.Security.Cryptography;
using System.Text;
using CheckIn.Core.Identity;
using CheckIn.Core.Places;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Simulation;

/// <summary>
/// What a deployment records of a simulated province, day by day: app and card check-ins as events, paper-log
/// entries resolved to residents as <see cref="PaperLogMatching"/> says, all closed into visits by CheckIn's
/// <see cref="VisitBuilder"/>, beside the day's ground truth. Who a visitor is recorded as follows a
/// <see cref="RecordingIdentity"/>: one key per resident, or the cards and accounts a real deployment sees, linked
/// (or not) as a real app learns. The one recording loop behind the simulation files, studies and the demo.
/// </summary>
public sealed class SimulatedRecording
{
    private readonly ProvinceSimulation _simulation;
    private readonly Func<int, IdentifierKind, PersonPseudonym> _identifierOf;
    private readonly RecordingIdentity _identity;
    private readonly PaperLogMatching _paperLogs;
    private readonly VisitBuilder _builder;
    private readonly PersonRegistry? _registry;
    private readonly long[] _channels = new long[4];
    private int _days;
    private long _events;
    private long _recorded;
    private long _setAside;
    private long _paperEntries;
    private long _paperMatched;
    private long _paperWrong;
    private long _links;
    private long _merges;

    /// <summary>Creates the recording of a simulation that has not run yet, one key per resident.</summary>
    /// <param name="simulation">The simulation; <see cref="Run"/> runs it.</param>
    /// <param name="personOf">The pseudonym a resident is recorded under, by index (a keyed pseudonym in a deployment).</param>
    /// <param name="paperLogs">How paper-log entries are resolved to residents.</param>
    /// <param name="builder">How events become visits; null for <see cref="VisitBuilderOptions.Default"/>.</param>
    public SimulatedRecording(ProvinceSimulation simulation, Func<int, PersonPseudonym> personOf, PaperLogMatching paperLogs = PaperLogMatching.RightPhone, VisitBuilderOptions? builder = null)
        : this(simulation, Wrap(personOf), RecordingIdentity.OnePerResident, paperLogs, builder)
    {
    }

    /// <summary>Creates the recording of a simulation that has not run yet, identifying visitors as <paramref name="identity"/> says.</summary>
    /// <param name="simulation">The simulation; <see cref="Run"/> runs it.</param>
    /// <param name="identifierOf">
    /// The pseudonym of a resident's identifier of a kind: <see cref="IdentifierKind.CitizenId"/> (chip ID card),
    /// <see cref="IdentifierKind.Phone"/> (app account, paper logs), <see cref="IdentifierKind.HealthInsurance"/>; with
    /// <see cref="IdentityModel.OnePerResident"/> it is asked for <see cref="IdentifierKind.Opaque"/> only.
    /// <see cref="RecordingIdentity.SyntheticPseudonym"/> will do for synthetic residents.
    /// </param>
    /// <param name="identity">How visitors are identified.</param>
    /// <param name="paperLogs">How paper-log entries are resolved to residents.</param>
    /// <param name="builder">How events become visits; null for <see cref="VisitBuilderOptions.Default"/>.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="Core.InvalidOptionsException">A setting of <paramref name="identity"/> is out of range.</exception>
    public static SimulatedRecording WithIdentity(ProvinceSimulation simulation, Func<int, IdentifierKind, PersonPseudonym> identifierOf, RecordingIdentity identity,
        PaperLogMatching paperLogs = PaperLogMatching.RightPhone, VisitBuilderOptions? builder = null) =>
        new(simulation, identifierOf, identity, paperLogs, builder);

    /// <summary>The one constructor behind both.</summary>
    private SimulatedRecording(ProvinceSimulation simulation, Func<int, IdentifierKind, PersonPseudonym> identifierOf, RecordingIdentity identity,
        PaperLogMatching paperLogs, VisitBuilderOptions? builder)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(identifierOf);
        ArgumentNullException.ThrowIfNull(identity);
        Core.InvalidOptionsException.ThrowIfAny(identity.Validate(), nameof(identity));
        if (!Enum.IsDefined(paperLogs))
        {
            throw new ArgumentOutOfRangeException(nameof(paperLogs), paperLogs, "Unknown paper-log matching.");
        }

        _simulation = simulation;
        _identifierOf = identifierOf;
        _identity = identity;
        _paperLogs = paperLogs;
        _builder = new VisitBuilder(builder);
        _registry = identity.Model == IdentityModel.LinkedCards ? new PersonRegistry() : null;
    }

    /// <summary>The simulation recorded.</summary>
    public ProvinceSimulation Simulation => _simulation;

    /// <summary>How visitors are identified.</summary>
    public RecordingIdentity Identity => _identity;

    /// <summary>Who is who, as the links learned so far say (with <see cref="IdentityModel.LinkedCards"/>; null otherwise).</summary>
    public PersonRegistry? Registry => _registry;

    /// <summary>What has been recorded so far.</summary>
    public RecordingTotals Totals => new(
        _days, _channels.Sum(), _channels[0], _channels[1], _channels[2], _channels[3], _events, _recorded, _setAside, _paperEntries, _paperMatched, _paperWrong)
    {
        LinksLearned = _links,
        Merges = _merges,
    };

    /// <summary>
    /// The pseudonyms a resident may be recorded under (one with <see cref="IdentityModel.OnePerResident"/>; chip card,
    /// phone and insurance card otherwise).
    /// </summary>
    /// <param name="resident">The resident's index.</param>
    /// <returns>The pseudonyms.</returns>
    public IEnumerable<PersonPseudonym> PseudonymsOf(int resident) => _identity.Model == IdentityModel.OnePerResident
        ? [_identifierOf(resident, IdentifierKind.Opaque)]
        : [_identifierOf(resident, IdentifierKind.CitizenId), _identifierOf(resident, IdentifierKind.Phone), _identifierOf(resident, IdentifierKind.HealthInsurance)];

    /// <summary>
    /// Whom tracers trace for a resident who tested positive: the ID number the test was registered under (chip card),
    /// resolved through the links learned so far; the one key with <see cref="IdentityModel.OnePerResident"/>.
    /// </summary>
    /// <param name="resident">The resident's index.</param>
    /// <returns>The pseudonym to trace.</returns>
    public PersonPseudonym CaseKeyOf(int resident) => _identity.Model == IdentityModel.OnePerResident
        ? _identifierOf(resident, IdentifierKind.Opaque)
        : Resolve(_identifierOf(resident, IdentifierKind.CitizenId));

    /// <summary>
    /// Whom a resident's app is known as (their Bluezone encounters too): the one key with
    /// <see cref="IdentityModel.OnePerResident"/>, otherwise their phone's pseudonym resolved through the links learned so far.
    /// </summary>
    /// <param name="resident">The resident's index.</param>
    /// <returns>The pseudonym.</returns>
    public PersonPseudonym AppKeyOf(int resident) => _identity.Model == IdentityModel.OnePerResident
        ? _identifierOf(resident, IdentifierKind.Opaque)
        : Resolve(_identifierOf(resident, IdentifierKind.Phone));

    /// <summary>Runs the simulation and records each day as it comes (one day in memory at a time).</summary>
    /// <param name="cancellationToken">Stops before the next day.</param>
    /// <returns>The recorded days.</returns>
    /// <exception cref="InvalidOperationException">The simulation already ran.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<RecordedDay> Run(CancellationToken cancellationToken = default)
    {
        var days = _simulation.Run(cancellationToken);
        return Record(days);
    }

    private static Func<int, IdentifierKind, PersonPseudonym> Wrap(Func<int, PersonPseudonym> personOf)
    {
        ArgumentNullException.ThrowIfNull(personOf);
        return (resident, _) => personOf(resident);
    }

    private PersonPseudonym Resolve(PersonPseudonym person) => _registry?.Resolve(person) ?? person;

    /// <summary>Who a visit is recorded under: the resident's key, or the card or account the channel used.</summary>
    private PersonPseudonym PersonOf(SimulatedVisit visit)
    {
        if (_identity.Model == IdentityModel.OnePerResident)
        {
            return _identifierOf(visit.Resident, IdentifierKind.Opaque);
        }

        var kind = visit.Channel switch
        {
            RecordingChannel.CardScan => InsuranceCardUsed(visit) ? IdentifierKind.HealthInsurance : IdentifierKind.CitizenId,
            _ => IdentifierKind.Phone,
        };
        return Resolve(_identifierOf(visit.Resident, kind));
    }

    /// <summary>Which card staff scanned: drawn from the visit's own stream, so the world's draws are untouched.</summary>
    private bool InsuranceCardUsed(SimulatedVisit visit)
    {
        var share = _simulation.Province.Venues[visit.Venue].Kind == VenueKind.Hospital ? _identity.InsuranceCardAtHospitals : _identity.InsuranceCardElsewhere;
        var random = SimulationRandom.For(_simulation.Province.Options.Seed, 0x1D, visit.Resident, (int)(visit.Arrival.ToUnixTimeSeconds() / 60));
        return random.Chance(share);
    }

    private IEnumerable<RecordedDay> Record(IEnumerable<SimulatedDay> days)
    {
        foreach (var day in days)
        {
            yield return RecordDay(day);
        }
    }

    /// <summary>Records one day of the simulation (several recordings of one simulation can each record the same day).</summary>
    internal RecordedDay RecordDay(SimulatedDay day)
    {
        var province = _simulation.Province;
        foreach (var visit in day.Visits)
        {
            _channels[(int)visit.Channel]++;
        }

        var events = day.RecordedEventsPerVisit(PersonOf, includePaperLogs: _paperLogs == PaperLogMatching.RightPhone).ToList();
        int paper = 0, matched = 0, wrong = 0;
        if (_paperLogs == PaperLogMatching.PhoneAndName)
        {
            day.PaperMatches ??= [.. day.PaperLogEntries().Select(entry => (entry, Match(entry)))];
            foreach (var (entry, match) in day.PaperMatches)
            {
                paper++;
                if (match is null)
                {
                    continue; // nothing written to record it under
                }

                // A match is the writer's phone account (or their one key); an entry that matched nobody is a person of its own.
                PersonPseudonym person;
                if (match.IsMatched)
                {
                    var resident = _simulation.PaperLogs!.Value.ResidentOf[match.Person];
                    matched++;
                    wrong += resident != entry.Resident ? 1 : 0;
                    person = _identity.Model == IdentityModel.OnePerResident
                        ? _identifierOf(resident, IdentifierKind.Opaque)
                        : Resolve(_identifierOf(resident, IdentifierKind.Phone));
                }
                else
                {
                    person = match.Person;
                }

                var venue = province.Venues[entry.Venue];
                events.Add(new CheckInEvent(person, venue.Id, venue.Kind, entry.CheckIn, CheckInEventKind.CheckIn));
                if (entry.CheckOut is { } checkOut)
                {
                    events.Add(new CheckInEvent(person, venue.Id, venue.Kind, checkOut, CheckInEventKind.CheckOut));
                }
            }
        }
        else
        {
            foreach (var visit in day.Visits)
            {
                if (visit.Channel == RecordingChannel.PaperLog)
                {
                    paper++;
                    matched += _paperLogs == PaperLogMatching.RightPhone && visit.IsTraceable ? 1 : 0;
                }
            }
        }

        var built = _builder.Build(events);
        var merges = LearnLinks(day.Day);
        _days++;
        _events += events.Count;
        _recorded += built.Visits.Count;
        _setAside += built.Rejected.Count;
        _paperEntries += paper;
        _paperMatched += matched;
        _paperWrong += wrong;
        _merges += merges.Count;
        return new RecordedDay(day, built, events.Count, paper, matched, wrong) { Merges = merges };
    }

    /// <summary>
    /// The links learned at the end of a day (each resident's on a day of their own, drawn from their stream): the 1405
    /// registration joins an app user's phone account to their ID number, a declaration or a 1405 code's EXT joins the
    /// insurance number. Returns the merges they caused.
    /// </summary>
    private List<PersonMerge> LearnLinks(int day)
    {
        var merges = new List<PersonMerge>();
        if (_registry is null)
        {
            return merges;
        }

        var province = _simulation.Province;
        var days = province.Options.Days;
        for (var resident = 0; resident < province.ResidentCount; resident++)
        {
            var random = SimulationRandom.For(province.Options.Seed, 0x1E, resident);
            if (random.Next(days) != day)
            {
                continue;
            }

            var chip = _identifierOf(resident, IdentifierKind.CitizenId);
            if (province.HasSmartphone(resident) && random.Chance(_identity.AppLinkShare))
            {
                _links++;
                if (_registry.Link(chip, _identifierOf(resident, IdentifierKind.Phone)) is { } merge)
                {
                    merges.Add(merge);
                }
            }

            if (random.Chance(_identity.InsuranceLinkShare))
            {
                _links++;
                if (_registry.Link(chip, _identifierOf(resident, IdentifierKind.HealthInsurance)) is { } merge)
                {
                    merges.Add(merge);
                }
            }
        }

        return merges;
    }

    /// <summary>
    /// Matches one entry with CheckIn's paper-log matcher over a directory of every resident's name and phone (the
    /// declarations a province holds), built on first use and shared by every recording of the run.
    /// </summary>
    private PaperLogMatch? Match(SimulatedPaperEntry entry)
    {
        var (matcher, _) = _simulation.PaperLogs ??= MakeMatcher(_simulation.Province);
        var match = matcher.MatchAsync(entry.WrittenName, entry.WrittenPhone).AsTask().GetAwaiter().GetResult();
        return match.TryGetValue(out var found) ? found : null;
    }

    private static (PaperLogMatcher, Dictionary<PersonPseudonym, int>) MakeMatcher(SyntheticProvince province)
    {
        // A key made from the seed: the same world matches the same way, and unmatched entries get the same own persons.
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"CheckIn.Simulation paper logs, seed {province.Options.Seed}"));
        var pseudonymizer = new PersonPseudonymizer(key);
        var directory = new InMemoryContactDirectory(pseudonymizer);
        var residentOf = new Dictionary<PersonPseudonym, int>(province.ResidentCount);
        for (var i = 0; i < province.ResidentCount; i++)
        {
            var person = RecordingIdentity.SyntheticPseudonym(i, IdentifierKind.Phone);
            directory.Add(person, new ContactCard(province.FullNameOf(i), PhoneNumber.Parse(province.PhoneTextOf(i))));
            residentOf[person] = i;
        }

        return (new PaperLogMatcher(pseudonymizer, directory), residentOf);
    }
}
