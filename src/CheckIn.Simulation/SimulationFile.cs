using System.Buffers.Binary;
using System.IO.Hashing;
using CheckIn.Core;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// A binary simulation file being read (<see cref="SimulationFiles.OpenBinary"/>): its header, and its visits
/// streamed once, either into a buffer (<see cref="Read"/>, which reports a bad record as a result) or as a sequence
/// (<see cref="ReadVisits"/>, which throws it).
/// </summary>
public sealed class SimulationFile
{
    private const int RecordLength = SimulationFiles.RecordLength;

    private const RecordDetails KnownDetails = RecordDetails.CheckedOut | RecordDetails.DuplicateScan | RecordDetails.NameTypo
        | RecordDetails.PhoneWrong | RecordDetails.TimeOutWritten;

    private readonly Stream _source;
    private readonly byte[] _buffer = new byte[RecordLength * 4096];
    private readonly Crc32 _crc = new();
    private int _filled;
    private int _consumed;
    private int _hashed;
    private long _index;
    private bool _ended;
    private bool _enumerated;
    private bool _finished;
    private CheckInError _failure;

    internal SimulationFile(Stream source, int version, ReadOnlySpan<byte> header, int seed, int residents, int venues, int days, LocalDate start, Instant startInstant)
    {
        _source = source;
        _crc.Append(header);
        FormatVersion = version;
        Seed = seed;
        Residents = residents;
        Venues = venues;
        Days = days;
        Start = start;
        StartInstant = startInstant;
    }

    /// <summary>
    /// The format version: 2 (what <see cref="SimulationFiles.WriteBinary"/> writes: a trailer with the record count
    /// and a CRC-32, checked when the last record has been read) or 1 (no trailer: a file cut at a record boundary or
    /// altered within the ranges of the header reads as valid).
    /// </summary>
    public int FormatVersion { get; }

    /// <summary>The seed the world was made with.</summary>
    public int Seed { get; }

    /// <summary>Residents.</summary>
    public int Residents { get; }

    /// <summary>Venues.</summary>
    public int Venues { get; }

    /// <summary>Days.</summary>
    public int Days { get; }

    /// <summary>The first local date.</summary>
    public LocalDate Start { get; }

    /// <summary>The first instant (local midnight of <see cref="Start"/>).</summary>
    public Instant StartInstant { get; }

    /// <summary>Visits read so far.</summary>
    public long VisitsRead => _index;

    /// <summary>Reads the next visits into a buffer.</summary>
    /// <param name="destination">Where to put them.</param>
    /// <returns>
    /// How many were read (0 at the end of the file), or <see cref="SimulationErrorCodes.SimulationFile.Truncated"/>,
    /// <see cref="SimulationErrorCodes.SimulationFile.Record"/> or <see cref="SimulationErrorCodes.SimulationFile.Checksum"/>
    /// with the bad record's (or trailer's) byte offset as the position. The visits before a bad record are returned
    /// first; the call after them reports it (and every later call again), so nothing read is lost. In a version 2
    /// file the end is reported only after the trailer has matched: the visits read before a checksum failure came
    /// from a damaged file.
    /// </returns>
    /// <exception cref="IOException">The stream fails.</exception>
    public Result<int> Read(Span<SimulatedVisit> destination)
    {
        if (!_failure.IsEmpty)
        {
            return Result.Fail<int>(_failure);
        }

        var count = 0;
        while (count < destination.Length && !_finished)
        {
            if (_filled - _consumed < RecordLength)
            {
                if (_ended)
                {
                    if (count > 0)
                    {
                        // The visits read before a bad spot are returned first; the next call reports it.
                        return Result.Ok(count);
                    }

                    if (_filled != _consumed || FormatVersion >= 2)
                    {
                        return Fail(SimulationErrorCodes.SimulationFile.Truncated);
                    }

                    _finished = true;
                    break;
                }

                Refill();
                continue;
            }

            if (FormatVersion >= 2 && BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_consumed)) == SimulationFiles.TrailerMark)
            {
                if (count > 0)
                {
                    return Result.Ok(count);
                }

                if (!TrailerMatches())
                {
                    return Fail(SimulationErrorCodes.SimulationFile.Checksum);
                }

                _finished = true;
                break;
            }

            if (!TryDecode(_buffer.AsSpan(_consumed, RecordLength), out destination[count]))
            {
                return count > 0 ? Result.Ok(count) : Fail(SimulationErrorCodes.SimulationFile.Record);
            }

            _consumed += RecordLength;
            _index++;
            count++;
        }

        return Result.Ok(count);
    }

    /// <summary>The visits, streamed from the file (once).</summary>
    /// <param name="cancellationToken">Stops the enumeration between records.</param>
    /// <returns>The visits in file order.</returns>
    /// <exception cref="CheckInException">A record is truncated or holds values out of range (codes as <see cref="Read"/> returns them).</exception>
    /// <exception cref="InvalidOperationException">The visits were already read.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public IEnumerable<SimulatedVisit> ReadVisits(CancellationToken cancellationToken = default)
    {
        if (_enumerated || _index > 0)
        {
            throw new InvalidOperationException("The visits of a simulation file stream once.");
        }

        _enumerated = true;
        return Visits(cancellationToken);
    }

    private IEnumerable<SimulatedVisit> Visits(CancellationToken cancellationToken)
    {
        var chunk = new SimulatedVisit[1024];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = Read(chunk).GetValueOrThrow();
            if (read == 0)
            {
                yield break;
            }

            for (var i = 0; i < read; i++)
            {
                yield return chunk[i];
            }
        }
    }

    private static long OffsetOf(long record) => SimulationFiles.HeaderLength + (record * RecordLength);

    /// <summary>Remembers a failure at the current record, so every later call reports it again.</summary>
    private Result<int> Fail(string code)
    {
        _failure = SimulationErrors.At(code, OffsetOf(_index));
        return Result.Fail<int>(_failure);
    }

    /// <summary>
    /// Checks the trailer at the current record: its record count and CRC-32 match what was read, and nothing
    /// follows it.
    /// </summary>
    private bool TrailerMatches()
    {
        HashConsumed();
        var trailer = _buffer.AsSpan(_consumed, RecordLength);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        var records = BinaryPrimitives.ReadInt64LittleEndian(trailer[8..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || records != _index)
        {
            return false;
        }

        if (_filled - _consumed > RecordLength)
        {
            return false;
        }

        Span<byte> probe = stackalloc byte[1];
        return _source.Read(probe) == 0;
    }

    /// <summary>Adds the records consumed since the last call to the running CRC-32.</summary>
    private void HashConsumed()
    {
        _crc.Append(_buffer.AsSpan(_hashed, _consumed - _hashed));
        _hashed = _consumed;
    }

    private void Refill()
    {
        HashConsumed();
        _hashed = 0;
        _buffer.AsSpan(_consumed, _filled - _consumed).CopyTo(_buffer);
        _filled -= _consumed;
        _consumed = 0;
        var read = _source.Read(_buffer, _filled, _buffer.Length - _filled);
        _filled += read;
        _ended = read == 0;
    }

    /// <summary>The inverse of <see cref="SimulationFiles.Encode"/>, checking every value against the header.</summary>
    private bool TryDecode(ReadOnlySpan<byte> record, out SimulatedVisit visit)
    {
        var resident = BinaryPrimitives.ReadInt32LittleEndian(record);
        var venue = BinaryPrimitives.ReadInt32LittleEndian(record[4..]);
        var minute = BinaryPrimitives.ReadInt32LittleEndian(record[8..]);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(record[12..]);
        var channel = record[14];
        var details = record[15];
        if ((uint)resident >= (uint)Residents || (uint)venue >= (uint)Venues || minute < 0 || minute > Days * 1440 || length == 0
            || channel > (byte)RecordingChannel.PaperLog || (details & ~(byte)KnownDetails) != 0)
        {
            visit = default;
            return false;
        }

        var arrival = StartInstant + Duration.FromMinutes(minute);
        visit = new SimulatedVisit(resident, venue, arrival, arrival + Duration.FromMinutes(length), (RecordingChannel)channel, (RecordDetails)details);
        return true;
    }
}
