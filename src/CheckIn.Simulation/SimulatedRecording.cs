using CheckIn.Core.Identity;
using CheckIn.Core.Text;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;

namespace CheckIn.Simulation;

/// <summary>
/// What a deployment records of a simulated province, day by day: app and card check-ins as events, paper-log
/// entries resolved to residents as <see cref="PaperLogMatching"/> says, all closed into visits by CheckIn's
/// <see cref="VisitBuilder"/>, beside the day's ground truth. The one recording loop behind the simulation files,
/// studies and the demo.
/// </summary>
public sealed class SimulatedRecording
{
    private readonly ProvinceSimulation _simulation;
    private readonly Func<int, PersonPseudonym> _personOf;
    private readonly PaperLogMatching _paperLogs;
    private readonly VisitBuilder _builder;
    private readonly long[] _channels = new long[4];
    private int _days;
    private long _events;
    private long _recorded;
    private long _setAside;
    private long _paperEntries;
    private long _paperMatched;
    private long _paperWrong;
    private Dictionary<PhoneNumber, int[]>? _phoneBook;

    /// <summary>Creates the recording of a simulation that has not run yet.</summary>
    /// <param name="simulation">The simulation; <see cref="Run"/> runs it.</param>
    /// <param name="personOf">The pseudonym a resident is recorded under, by index (a keyed pseudonym in a deployment).</param>
    /// <param name="paperLogs">How paper-log entries are resolved to residents.</param>
    /// <param name="builder">How events become visits; null for <see cref="VisitBuilderOptions.Default"/>.</param>
    public SimulatedRecording(ProvinceSimulation simulation, Func<int, PersonPseudonym> personOf, PaperLogMatching paperLogs = PaperLogMatching.RightPhone, VisitBuilderOptions? builder = null)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(personOf);
        if (!Enum.IsDefined(paperLogs))
        {
            throw new ArgumentOutOfRangeException(nameof(paperLogs), paperLogs, "Unknown paper-log matching.");
        }

        _simulation = simulation;
        _personOf = personOf;
        _paperLogs = paperLogs;
        _builder = new VisitBuilder(builder);
    }

    /// <summary>The simulation recorded.</summary>
    public ProvinceSimulation Simulation => _simulation;

    /// <summary>What has been recorded so far.</summary>
    public RecordingTotals Totals => new(
        _days, _channels.Sum(), _channels[0], _channels[1], _channels[2], _channels[3], _events, _recorded, _setAside, _paperEntries, _paperMatched, _paperWrong);

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

    private IEnumerable<RecordedDay> Record(IEnumerable<SimulatedDay> days)
    {
        foreach (var day in days)
        {
            foreach (var visit in day.Visits)
            {
                _channels[(int)visit.Channel]++;
            }

            var events = day.RecordedEvents(_personOf, includePaperLogs: _paperLogs == PaperLogMatching.RightPhone).ToList();
            int paper = 0, matched = 0, wrong = 0;
            if (_paperLogs == PaperLogMatching.PhoneAndName)
            {
                foreach (var entry in day.PaperLogEntries())
                {
                    paper++;
                    var match = Match(entry);
                    if (match < 0)
                    {
                        continue;
                    }

                    matched++;
                    wrong += match != entry.Resident ? 1 : 0;
                    var venue = _simulation.Province.Venues[entry.Venue];
                    events.Add(new CheckInEvent(_personOf(match), venue.Id, venue.Kind, entry.CheckIn, CheckInEventKind.CheckIn));
                    if (entry.CheckOut is { } checkOut)
                    {
                        events.Add(new CheckInEvent(_personOf(match), venue.Id, venue.Kind, checkOut, CheckInEventKind.CheckOut));
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
            _days++;
            _events += events.Count;
            _recorded += built.Visits.Count;
            _setAside += built.Rejected.Count;
            _paperEntries += paper;
            _paperMatched += matched;
            _paperWrong += wrong;
            yield return new RecordedDay(day, built, events.Count, paper, matched, wrong);
        }
    }

    /// <summary>The resident a paper entry is about: the phone as written, then the name (typos allowed), or −1.</summary>
    private int Match(SimulatedPaperEntry entry)
    {
        if (!PhoneNumber.TryParse(entry.WrittenPhone, out var phone) || !PhoneBook().TryGetValue(phone, out var holders))
        {
            return -1;
        }

        foreach (var holder in holders)
        {
            if (NameMatcher.IsLikelySamePerson(entry.WrittenName, _simulation.Province.FullNameOf(holder)))
            {
                return holder;
            }
        }

        return -1;
    }

    private Dictionary<PhoneNumber, int[]> PhoneBook()
    {
        if (_phoneBook is null)
        {
            var province = _simulation.Province;
            var lists = new Dictionary<PhoneNumber, List<int>>(province.ResidentCount);
            for (var i = 0; i < province.ResidentCount; i++)
            {
                var digits = PhoneNumber.Parse(province.PhoneTextOf(i));
                if (!lists.TryGetValue(digits, out var list))
                {
                    lists[digits] = list = new List<int>(1);
                }

                list.Add(i);
            }

            _phoneBook = lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
        }

        return _phoneBook;
    }
}
