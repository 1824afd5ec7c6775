using CheckIn.Tracing.Index;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.Proximity;

/// <summary>
/// Bluetooth encounters between app users (Bluezone), indexed by person for tracing: each encounter is held once per
/// side, in start order, so a source's encounters are one contiguous run. Immutable and thread-safe once built; pass
/// it to <see cref="ContactTracer(VisitIndexSnapshot, EncounterIndex)"/> so contacts can be found by proximity as well
/// as by co-presence at venues. Times are kept to the second, as in the visit index; exact duplicates (the same
/// encounter logged by both phones) are one encounter. About 26 bytes an encounter.
/// </summary>
public sealed class EncounterIndex
{
    /// <summary>The longest encounter held: a day (a household's phones side by side all day long).</summary>
    public static readonly Duration MaxDuration = Duration.FromDays(1);

    /// <summary>An index with no encounters.</summary>
    public static EncounterIndex Empty { get; } = new Builder().Build();

    private readonly PersonPseudonym[] _persons;
    private readonly Dictionary<PersonPseudonym, int> _ids;
    private readonly int[] _offsets;

    private EncounterIndex(PersonPseudonym[] persons, Dictionary<PersonPseudonym, int> ids, int[] offsets, int[] other, int[] start, int[] length, byte[] distance)
    {
        _persons = persons;
        Persons = Array.AsReadOnly(persons);
        _ids = ids;
        _offsets = offsets;
        Other = other;
        Start = start;
        Length = length;
        Distance = distance;
    }

    /// <summary>Distinct encounters held (each once, though indexed from both sides).</summary>
    public int Count => Other.Length / 2;

    /// <summary>Distinct persons with at least one encounter.</summary>
    public int PersonCount => _persons.Length;

    /// <summary>The persons with at least one encounter, in the order they were first added.</summary>
    public IReadOnlyList<PersonPseudonym> Persons { get; }

    /// <summary>The other side of each half-encounter (a person id of this index).</summary>
    internal int[] Other { get; }

    /// <summary>Each half-encounter's start, in index seconds.</summary>
    internal int[] Start { get; }

    /// <summary>Each half-encounter's length, in seconds.</summary>
    internal int[] Length { get; }

    /// <summary>Each half-encounter's distance class.</summary>
    internal byte[] Distance { get; }

    /// <summary>Creates an index of encounters.</summary>
    /// <param name="encounters">The encounters (each once, or once from each phone: duplicates are merged).</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentException">An encounter is not one <see cref="Builder.Add"/> takes.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static EncounterIndex Create(IEnumerable<Encounter> encounters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encounters);
        var builder = new Builder();
        foreach (var encounter in encounters)
        {
            builder.Add(encounter);
        }

        return builder.Build(cancellationToken);
    }

    /// <summary>Whether the person has any encounter.</summary>
    /// <param name="person">The pseudonym.</param>
    /// <returns>True when they do.</returns>
    public bool Contains(PersonPseudonym person) => _ids.ContainsKey(person);

    /// <summary>A person's encounters in start order, each with the person as <see cref="Encounter.Person"/>.</summary>
    /// <param name="person">The pseudonym.</param>
    /// <returns>The encounters; empty when the person has none.</returns>
    public IReadOnlyList<Encounter> EncountersOf(PersonPseudonym person)
    {
        if (!_ids.TryGetValue(person, out var id))
        {
            return [];
        }

        var list = new List<Encounter>(_offsets[id + 1] - _offsets[id]);
        for (var k = _offsets[id]; k < _offsets[id + 1]; k++)
        {
            list.Add(new Encounter(person, _persons[Other[k]], IndexTime.FromSeconds(Start[k]), Duration.FromSeconds(Length[k]), (EncounterDistance)Distance[k]));
        }

        return list;
    }

    internal bool TryGetPerson(PersonPseudonym person, out int id) => _ids.TryGetValue(person, out id);

    internal PersonPseudonym PersonKey(int id) => _persons[id];

    /// <summary>The half-encounters of a person: <c>[First, End)</c> into the columns.</summary>
    internal (int First, int End) RangeOf(int id) => (_offsets[id], _offsets[id + 1]);

    /// <summary>
    /// Collects encounters for an <see cref="EncounterIndex"/>. Not thread-safe; a builder builds one index.
    /// </summary>
    public sealed class Builder
    {
        private readonly Dictionary<PersonPseudonym, int> _ids = [];
        private readonly List<PersonPseudonym> _persons = [];
        private readonly List<(int Person, int Start, int Other, int Length, byte Distance)> _halves = [];

        /// <summary>Encounters added so far (duplicates counted until <see cref="Build"/> merges them).</summary>
        public int Count => _halves.Count / 2;

        /// <summary>Adds an encounter.</summary>
        /// <param name="encounter">The encounter.</param>
        /// <exception cref="ArgumentException">
        /// The two persons are one; the duration is under a second or longer than <see cref="MaxDuration"/>; the encounter
        /// lies outside the years the index holds (1952–2088); or the distance is not a defined class.
        /// </exception>
        public void Add(in Encounter encounter)
        {
            if (encounter.Person == encounter.Other)
            {
                throw new ArgumentException("An encounter is between two different persons.", nameof(encounter));
            }

            if (encounter.Duration < Duration.FromSeconds(1) || encounter.Duration > MaxDuration)
            {
                throw new ArgumentException("An encounter lasts at least a second and at most a day.", nameof(encounter));
            }

            if (!IndexTime.IsIndexable(encounter.Start) || !IndexTime.IsIndexable(encounter.End + Duration.FromSeconds(1)))
            {
                throw new ArgumentException("An encounter lies in the years the index holds (1952–2088).", nameof(encounter));
            }

            if (!Enum.IsDefined(encounter.Distance))
            {
                throw new ArgumentException("The distance is not a defined class.", nameof(encounter));
            }

            var a = Intern(encounter.Person);
            var b = Intern(encounter.Other);
            var start = IndexTime.ToSeconds(encounter.Start);
            var length = (int)Math.Max(1, (long)encounter.Duration.TotalSeconds);
            _halves.Add((a, start, b, length, (byte)encounter.Distance));
            _halves.Add((b, start, a, length, (byte)encounter.Distance));
        }

        /// <summary>Builds the index: half-encounters sorted by person then start, exact duplicates merged.</summary>
        /// <param name="cancellationToken">Stops the build.</param>
        /// <returns>The index.</returns>
        /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
        public EncounterIndex Build(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var halves = _halves.ToArray();
            Array.Sort(halves);
            cancellationToken.ThrowIfCancellationRequested();
            var count = 0;
            for (var i = 0; i < halves.Length; i++)
            {
                if (count == 0 || halves[i] != halves[count - 1])
                {
                    halves[count++] = halves[i];
                }
            }

            var offsets = new int[_persons.Count + 1];
            var other = new int[count];
            var start = new int[count];
            var length = new int[count];
            var distance = new byte[count];
            for (var i = 0; i < count; i++)
            {
                var h = halves[i];
                offsets[h.Person + 1]++;
                other[i] = h.Other;
                start[i] = h.Start;
                length[i] = h.Length;
                distance[i] = h.Distance;
            }

            for (var p = 0; p < _persons.Count; p++)
            {
                offsets[p + 1] += offsets[p];
            }

            return new EncounterIndex([.. _persons], new Dictionary<PersonPseudonym, int>(_ids), offsets, other, start, length, distance);
        }

        private int Intern(PersonPseudonym person)
        {
            if (!_ids.TryGetValue(person, out var id))
            {
                id = _persons.Count;
                _ids[person] = id;
                _persons.Add(person);
            }

            return id;
        }
    }
}
