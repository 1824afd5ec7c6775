using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Hosting.Snapshots;

/// <summary>What an index snapshot holds: everything in memory, as of one sequence of the log.</summary>
/// <param name="LastSequence">The last log entry the snapshot includes; replay starts after it.</param>
/// <param name="Visits">Every closed visit in the index.</param>
/// <param name="Registry">Every pseudonym with its representative, in the order the registry first saw them.</param>
/// <param name="Recorder">The recorder's open check-ins and waiting events.</param>
public sealed record IndexSnapshotContent(
    long LastSequence,
    IReadOnlyList<Visit> Visits,
    IReadOnlyList<(PersonPseudonym Pseudonym, PersonPseudonym Representative)> Registry,
    RecorderCheckpoint Recorder);

/// <summary>
/// The index snapshot file: <c>CKINDEX1</c>, a format version (2 bytes), a reserved field (2), the payload's length
/// (8), the payload, and a SHA-256 of everything before it (32). Little-endian throughout. Written atomically (a
/// temporary file beside it, flushed to disk, then renamed over the old one), so a crash leaves the old snapshot or
/// the new, never half of one. Reading checks magic, version, length and checksum before it trusts a byte, and says
/// which failed with a code (<c>Snapshot.*</c>).
/// </summary>
public static class IndexSnapshotFile
{
    /// <summary>The format version written and read.</summary>
    public const ushort FormatVersion = 1;

    /// <summary>The largest file read (a snapshot of 100 million visits is about 3 GB; beyond this the log is replayed).</summary>
    public const long MaxFileBytes = 4L << 30;

    private static ReadOnlySpan<byte> Magic => "CKINDEX1"u8;

    private const int HeaderBytes = 8 + 2 + 2 + 8;
    private const int ChecksumBytes = 32;

    /// <summary>Writes a snapshot atomically.</summary>
    /// <param name="path">The file (replaced when it exists).</param>
    /// <param name="content">The content.</param>
    /// <param name="cancellationToken">Stops before the rename (then the old snapshot stays).</param>
    /// <returns>The file's size in bytes.</returns>
    public static async Task<long> WriteAsync(string path, IndexSnapshotContent content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(content);
        var payload = Encode(content);
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(12), payload.Length);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(header);
        hash.AppendData(payload);
        var checksum = hash.GetHashAndReset();

        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(checksum, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return header.Length + payload.Length + checksum.Length;
    }

    /// <summary>Reads a snapshot.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The content; or <c>Snapshot.Magic</c>, <c>Snapshot.Version</c>, <c>Snapshot.Truncated</c>, <c>Snapshot.Checksum</c> or <c>Snapshot.Content</c>.</returns>
    /// <exception cref="FileNotFoundException">There is no snapshot.</exception>
    public static async Task<Result<IndexSnapshotContent>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            return HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Content);
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Decode(bytes);
    }

    /// <summary>Reads a snapshot from its bytes.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <returns>The content, or the coded reason it cannot be used.</returns>
    public static Result<IndexSnapshotContent> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            return bytes.Length < Magic.Length && Magic.StartsWith(bytes)
                ? HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Truncated)
                : HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Magic);
        }

        if (bytes.Length < HeaderBytes)
        {
            return HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Truncated);
        }

        if (BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]) != FormatVersion)
        {
            return HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Version);
        }

        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(bytes[12..]);
        if (payloadLength < 0 || payloadLength > bytes.Length - HeaderBytes - ChecksumBytes)
        {
            return HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Truncated);
        }

        var end = HeaderBytes + (int)payloadLength;
        if (bytes.Length != end + ChecksumBytes)
        {
            return HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Content);
        }

        Span<byte> checksum = stackalloc byte[ChecksumBytes];
        SHA256.HashData(bytes[..end], checksum);
        if (!CryptographicOperations.FixedTimeEquals(checksum, bytes[end..]))
        {
            return HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Checksum);
        }

        try
        {
            var reader = new Reader(bytes[HeaderBytes..end]);
            var content = Read(ref reader);
            return reader.AtEnd ? Result.Ok(content) : HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Content);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            // A time outside NodaTime's range, a pseudonym of the wrong size: well checksummed, still not ours.
            return HostingErrors.Fail<IndexSnapshotContent>(HostingErrorCodes.Snapshot.Content);
        }
    }

    private static byte[] Encode(IndexSnapshotContent content)
    {
        var venues = new Dictionary<string, int>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
        int VenueId(string venue)
        {
            if (!venues.TryGetValue(venue, out var id))
            {
                venues[venue] = id = venues.Count;
            }

            return id;
        }

        // Venues are numbered first, then written as a table before everything that names them.
        var visits = content.Visits.Select(v => (v, VenueId(v.Venue))).ToList();
        var open = content.Recorder.Open.Select(o => (o, VenueId(o.CheckIn.Venue))).ToList();
        var waiting = content.Recorder.Waiting.Select(w => (w, VenueId(w.Event.Venue))).ToList();

        writer.Write(content.LastSequence);
        writer.Write(venues.Count);
        foreach (var venue in venues.OrderBy(v => v.Value))
        {
            writer.Write(venue.Key);
        }

        writer.Write(visits.Count);
        foreach (var (visit, venue) in visits)
        {
            Write(writer, visit.Person);
            writer.Write(venue);
            writer.Write(visit.CheckIn.ToUnixTimeTicks());
            writer.Write(visit.CheckOut.ToUnixTimeTicks());
            writer.Write((byte)visit.Closure);
        }

        writer.Write(content.Registry.Count);
        foreach (var (pseudonym, representative) in content.Registry)
        {
            Write(writer, pseudonym);
            Write(writer, representative);
        }

        var recorder = content.Recorder;
        WriteInstant(writer, recorder.Watermark);
        WriteInstant(writer, recorder.Latest);
        writer.Write(recorder.Arrivals);
        writer.Write(open.Count);
        foreach (var (item, venue) in open)
        {
            WriteEvent(writer, item.CheckIn, venue);
            writer.Write(item.LastScan.ToUnixTimeTicks());
            writer.Write(item.Order);
            writer.Write(item.AssumedReported);
        }

        writer.Write(waiting.Count);
        foreach (var (item, venue) in waiting)
        {
            WriteEvent(writer, item.Event, venue);
            writer.Write(item.Order);
        }

        writer.Flush();
        return buffer.ToArray();
    }

    private static IndexSnapshotContent Read(ref Reader reader)
    {
        var lastSequence = reader.Int64();
        var venues = new string[reader.Count(1)];
        for (var i = 0; i < venues.Length; i++)
        {
            venues[i] = reader.String();
        }

        var visits = new Visit[reader.Count(16 + 4 + 8 + 8 + 1)];
        for (var i = 0; i < visits.Length; i++)
        {
            var person = reader.Pseudonym();
            var venue = reader.Venue(venues);
            var checkIn = Instant.FromUnixTimeTicks(reader.Int64());
            var checkOut = Instant.FromUnixTimeTicks(reader.Int64());
            var closure = (VisitClosure)reader.Byte();
            if (checkOut <= checkIn || !Enum.IsDefined(closure))
            {
                throw new FormatException("A visit is not a visit.");
            }

            visits[i] = new Visit(person, venue, checkIn, checkOut, closure);
        }

        var registry = new (PersonPseudonym, PersonPseudonym)[reader.Count(32)];
        for (var i = 0; i < registry.Length; i++)
        {
            registry[i] = (reader.Pseudonym(), reader.Pseudonym());
        }

        var watermark = reader.Instant();
        var latest = reader.Instant();
        var arrivals = reader.Int64();
        var open = new OpenCheckIn[reader.Count(16 + 4 + 1 + 8 + 1 + 8 + 8 + 1)];
        for (var i = 0; i < open.Length; i++)
        {
            open[i] = new OpenCheckIn(reader.Event(venues), Instant.FromUnixTimeTicks(reader.Int64()), reader.Int64(), reader.Bool());
        }

        var waiting = new WaitingEvent[reader.Count(16 + 4 + 1 + 8 + 1 + 8)];
        for (var i = 0; i < waiting.Length; i++)
        {
            waiting[i] = new WaitingEvent(reader.Event(venues), reader.Int64());
        }

        return new IndexSnapshotContent(lastSequence, visits, registry, new RecorderCheckpoint(watermark, latest, arrivals, open, waiting));
    }

    private static void Write(BinaryWriter writer, PersonPseudonym person)
    {
        Span<byte> bytes = stackalloc byte[PersonPseudonym.SizeInBytes];
        person.WriteBytes(bytes);
        writer.Write(bytes);
    }

    private static void WriteInstant(BinaryWriter writer, Instant? instant)
    {
        writer.Write(instant.HasValue);
        writer.Write(instant?.ToUnixTimeTicks() ?? 0);
    }

    private static void WriteEvent(BinaryWriter writer, CheckInEvent e, int venue)
    {
        Write(writer, e.Person);
        writer.Write(venue);
        writer.Write((byte)e.VenueKind);
        writer.Write(e.At.ToUnixTimeTicks());
        writer.Write((byte)e.Kind);
    }

    /// <summary>Reads the payload; every count is checked against the bytes left, so a lie cannot allocate.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public byte Byte() => Take(1)[0];

        public bool Bool() => Byte() switch { 0 => false, 1 => true, _ => throw new FormatException("Not a boolean.") };

        public int Count(int minimumBytesEach)
        {
            var count = Int32();
            return count >= 0 && (long)count * minimumBytesEach <= _bytes.Length - _at ? count : throw new FormatException("A count beyond the bytes left.");
        }

        public string String()
        {
            // BinaryWriter's 7-bit encoded length, then UTF-8.
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                if (shift > 28)
                {
                    throw new FormatException("A string length too long.");
                }

                var b = Byte();
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            return length > 4096 ? throw new FormatException("A venue key too long.") : Encoding.UTF8.GetString(Take(length));
        }

        public PersonPseudonym Pseudonym() => PersonPseudonym.FromBytes(Take(PersonPseudonym.SizeInBytes));

        public string Venue(string[] venues)
        {
            var id = Int32();
            return (uint)id < (uint)venues.Length ? venues[id] : throw new FormatException("A venue outside the table.");
        }

        public Instant? Instant()
        {
            var has = Bool();
            var ticks = Int64();
            return has ? NodaTime.Instant.FromUnixTimeTicks(ticks) : null;
        }

        public CheckInEvent Event(string[] venues)
        {
            var person = Pseudonym();
            var venue = Venue(venues);
            var kind = (VenueKind)Byte();
            var at = NodaTime.Instant.FromUnixTimeTicks(Int64());
            var eventKind = (CheckInEventKind)Byte();
            return Enum.IsDefined(kind) && Enum.IsDefined(eventKind) ? new CheckInEvent(person, venue, kind, at, eventKind) : throw new FormatException("An event of no kind.");
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > _bytes.Length - _at)
            {
                throw new FormatException("The payload ends early.");
            }

            var span = _bytes.Slice(_at, count);
            _at += count;
            return span;
        }
    }
}
