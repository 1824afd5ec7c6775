using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using CheckIn.Core;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// Writes simulations as the CSV that <c>checkin trace</c> reads (the recorded visits, as CheckIn's
/// <see cref="VisitBuilder"/> makes them from the recorded events) and as a compact binary file (every true
/// visit with how it was recorded, 16 bytes each), and reads the binary file back. Both stream day by day.
/// </summary>
public static class SimulationFiles
{
    /// <summary>The first eight bytes of a binary simulation file as this version writes it (format version 2).</summary>
    public static ReadOnlySpan<byte> Magic => "CKSIM\u0002\0\0"u8;

    /// <summary>The first eight bytes of a version 1 file (no trailer, no checksum), still read.</summary>
    internal static ReadOnlySpan<byte> MagicVersion1 => "CKSIM\u0001\0\0"u8;

    internal const int HeaderLength = 8 + (5 * 4) + 8;
    internal const int RecordLength = 16;

    /// <summary>The trailer of a version 2 file is one record long and starts with this resident, which no record has.</summary>
    internal const int TrailerMark = -1;

    /// <summary>The start instant a header may hold: within a thousand years of 1970.</summary>
    private const long MaxStartSeconds = 1000L * 366 * 86400;

    /// <summary>
    /// Runs the simulation and writes <c>person,venue,check_in,check_out,closure</c> (ISO-8601 UTC; the closure empty
    /// for a visit that checked out, else how its end was assumed) for every recorded
    /// visit: app check-ins and check-outs, card scans, and paper-log entries whose phone number is right,
    /// closed and merged by <see cref="VisitBuilder"/> as a deployment would. Persons are the residents' keys
    /// (<c>R0000042</c>), venues their ids (<c>V000042</c>).
    /// </summary>
    /// <param name="simulation">The simulation, not yet run.</param>
    /// <param name="destination">Where to write (UTF-8, LF line ends).</param>
    /// <param name="progress">Told after each day, or null.</param>
    /// <param name="cancellationToken">Stops before the next day.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SimulationSummary WriteCsv(ProvinceSimulation simulation, Stream destination, IProgress<SimulatedDay>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(destination);
        var recording = new SimulatedRecording(simulation, KeyOf);
        var writer = new AsciiWriter(destination);
        writer.Write("person,venue,check_in,check_out,closure\n"u8);
        long written = 0;
        foreach (var recorded in recording.Run(cancellationToken))
        {
            foreach (var visit in recorded.Visits)
            {
                writer.Write((byte)'R');
                writer.WriteDigits((int)visit.Person.Low, 7);
                writer.Write((byte)',');
                writer.WriteAscii(visit.Venue);
                writer.Write((byte)',');
                writer.WriteInstant(visit.CheckIn);
                writer.Write((byte)',');
                writer.WriteInstant(visit.CheckOut);
                writer.Write((byte)',');
                if (visit.Closure != VisitClosure.CheckedOut)
                {
                    writer.WriteAscii(visit.Closure.ToString());
                }

                writer.Write((byte)'\n');
                written++;
            }

            progress?.Report(recorded.Day);
        }

        writer.Flush();
        var totals = recording.Totals;
        return new SimulationSummary(totals.Days, totals.TrueVisits, written, totals.SetAside, simulation.Infections.Count);
    }

    /// <summary>
    /// Writes Bluetooth encounters as the encounters CSV that <c>checkin trace --encounters</c> reads
    /// (<see cref="CheckIn.Tracing.Csv.EncounterCsvReader.Header"/>): residents as their keys <c>R0000042</c> (as
    /// <see cref="WriteCsv"/> names them), the start ISO-8601 UTC, whole minutes, and the distance class the phones
    /// estimated (not the true distance); LF line ends.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="encounters">The encounters (for example each day's <see cref="SimulatedDay.Encounters"/>).</param>
    /// <param name="header">Whether to write the header line first (false to append a later day).</param>
    /// <returns>Encounters written.</returns>
    public static long WriteEncountersCsv(TextWriter writer, IEnumerable<SimulatedEncounter> encounters, bool header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encounters);
        if (header)
        {
            writer.Write(CheckIn.Tracing.Csv.EncounterCsvReader.Header);
            writer.Write('\n');
        }

        long written = 0;
        foreach (var e in encounters)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{SimulatedResident.KeyOf(e.Resident)},{SimulatedResident.KeyOf(e.Other)},{e.Start:uuuu-MM-ddTHH:mm:ss'Z'},{(long)e.Duration.TotalMinutes},{CheckIn.Tracing.Proximity.EncounterDistances.Name(e.Distance)}\n"));
            written++;
        }

        return written;
    }

    /// <summary>The header of <see cref="WriteInfectionsCsv"/>.</summary>
    public const string InfectionsCsvHeader = "person,infected_by,venue,infected_at,onset,generation";

    /// <summary>
    /// Writes the ground truth's infections as CSV: <see cref="InfectionsCsvHeader"/>, then one infection per line
    /// (residents as their keys <c>R0000042</c>, the venue's id or <c>home</c>, times ISO-8601 UTC, LF line ends), so
    /// a trace of <see cref="WriteCsv"/>'s visits can be scored against it.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="province">The province the infections happened in.</param>
    /// <param name="infections">The infections, in the order they happened.</param>
    public static void WriteInfectionsCsv(TextWriter writer, SyntheticProvince province, IEnumerable<Infection> infections)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(province);
        ArgumentNullException.ThrowIfNull(infections);
        writer.Write(InfectionsCsvHeader);
        writer.Write('\n');
        foreach (var infection in infections)
        {
            var venue = infection.IsAtHome ? "home" : infection.Venue < 0 ? string.Empty : province.Venues[infection.Venue].Id;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{SimulatedResident.KeyOf(infection.Resident)},{(infection.Infector < 0 ? string.Empty : SimulatedResident.KeyOf(infection.Infector))},{venue},{infection.At:uuuu-MM-ddTHH:mm:ss'Z'},{infection.Onset:uuuu-MM-ddTHH:mm:ss'Z'},{infection.Generation}\n"));
        }
    }

    /// <summary>The key a resident has in <see cref="WriteCsv"/> before it is written as <c>R</c> and seven digits.</summary>
    /// <param name="resident">The resident's index.</param>
    /// <returns>A pseudonym standing for the resident inside the writer (not a keyed pseudonym: the residents are synthetic).</returns>
    internal static PersonPseudonym KeyOf(int resident) => new(0, (ulong)resident);

    /// <summary>
    /// Runs the simulation and writes every true visit with how it was recorded: a 36-byte header, 16 bytes a visit,
    /// and a 16-byte trailer with the record count and a CRC-32 of everything before it (format version 2, described
    /// in <c>docs/simulation-model.md</c>).
    /// </summary>
    /// <param name="simulation">The simulation, not yet run.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="progress">Told after each day, or null.</param>
    /// <param name="cancellationToken">Stops before the next day.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SimulationSummary WriteBinary(ProvinceSimulation simulation, Stream destination, IProgress<SimulatedDay>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(destination);
        var province = simulation.Province;
        var options = province.Options;
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], options.Seed);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], province.ResidentCount);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], province.Venues.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], options.Days);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], options.Start.ToDateOnly().DayNumber);
        BinaryPrimitives.WriteInt64LittleEndian(header[28..], province.StartInstant.ToUnixTimeSeconds());
        var crc = new Crc32();
        var writer = new AsciiWriter(destination, crc);
        writer.Write(header);
        long visits = 0;
        var days = 0;
        var start = province.StartInstant;
        Span<byte> record = stackalloc byte[RecordLength];
        foreach (var day in simulation.Run(cancellationToken))
        {
            days++;
            foreach (var visit in day.Visits)
            {
                Encode(record, visit, start);
                writer.Write(record);
                visits++;
            }

            progress?.Report(day);
        }

        writer.Flush();
        WriteTrailer(record, crc.GetCurrentHashAsUInt32(), visits);
        destination.Write(record);
        destination.Flush();
        return new SimulationSummary(days, visits, visits, 0, simulation.Infections.Count);
    }

    /// <summary>One visit as a 16-byte record: resident, venue, minutes from the start, length in minutes, channel, details (little-endian).</summary>
    internal static void Encode(Span<byte> record, in SimulatedVisit visit, Instant start)
    {
        BinaryPrimitives.WriteInt32LittleEndian(record, visit.Resident);
        BinaryPrimitives.WriteInt32LittleEndian(record[4..], visit.Venue);
        BinaryPrimitives.WriteInt32LittleEndian(record[8..], (int)(visit.Arrival - start).TotalMinutes);
        BinaryPrimitives.WriteUInt16LittleEndian(record[12..], (ushort)visit.Length.TotalMinutes);
        record[14] = (byte)visit.Channel;
        record[15] = (byte)visit.Details;
    }

    /// <summary>The trailer: the mark, the CRC-32 of the header and records, the record count (little-endian).</summary>
    internal static void WriteTrailer(Span<byte> trailer, uint crc, long records)
    {
        BinaryPrimitives.WriteInt32LittleEndian(trailer, TrailerMark);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], crc);
        BinaryPrimitives.WriteInt64LittleEndian(trailer[8..], records);
    }

    /// <summary>Opens a binary simulation file (version 2, or version 1 which has no checksum): reads and checks its header.</summary>
    /// <param name="source">The file's stream, at its start.</param>
    /// <returns>The file, whose visits stream from <paramref name="source"/>, or <see cref="SimulationErrorCodes.SimulationFile.Header"/>.</returns>
    public static Result<SimulationFile> OpenBinary(Stream source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Span<byte> header = stackalloc byte[HeaderLength];
        if (source.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength)
        {
            return Result.Fail<SimulationFile>(SimulationErrors.At(SimulationErrorCodes.SimulationFile.Header, 0));
        }

        var version = header[..8].SequenceEqual(Magic) ? 2 : header[..8].SequenceEqual(MagicVersion1) ? 1 : 0;
        if (version == 0)
        {
            return Result.Fail<SimulationFile>(SimulationErrors.At(SimulationErrorCodes.SimulationFile.Header, 0));
        }

        var residents = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        var venues = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        var days = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        var dayNumber = BinaryPrimitives.ReadInt32LittleEndian(header[24..]);
        var startSeconds = BinaryPrimitives.ReadInt64LittleEndian(header[28..]);
        if (residents <= 0 || venues <= 0 || days is < 1 or > 120 || dayNumber is < 0 or > 3_652_058 || startSeconds is < -MaxStartSeconds or > MaxStartSeconds)
        {
            return Result.Fail<SimulationFile>(SimulationErrors.At(SimulationErrorCodes.SimulationFile.Header, 8));
        }

        return Result.Ok(new SimulationFile(source, version, header, BinaryPrimitives.ReadInt32LittleEndian(header[8..]), residents, venues, days,
            LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber)), Instant.FromUnixTimeSeconds(startSeconds)));
    }

    /// <summary>Buffers bytes to a stream (and, when given one, a running CRC-32) and formats the few things the CSV needs without allocating.</summary>
    private sealed class AsciiWriter(Stream stream, Crc32? crc = null)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _length;

        public void Write(byte value)
        {
            if (_length == _buffer.Length)
            {
                Flush();
            }

            _buffer[_length++] = value;
        }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (_length + bytes.Length > _buffer.Length)
            {
                Flush();
            }

            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void WriteAscii(string text)
        {
            foreach (var c in text)
            {
                Write((byte)c);
            }
        }

        public void WriteDigits(int value, int width)
        {
            Span<byte> digits = stackalloc byte[10];
            var count = 0;
            do
            {
                digits[count++] = (byte)('0' + (value % 10));
                value /= 10;
            }
            while (value > 0);

            for (var pad = count; pad < width; pad++)
            {
                Write((byte)'0');
            }

            while (count > 0)
            {
                Write(digits[--count]);
            }
        }

        /// <summary>yyyy-MM-ddTHH:mm:ssZ.</summary>
        public void WriteInstant(Instant instant)
        {
            var utc = instant.InUtc();
            WriteDigits(utc.Year, 4);
            Write((byte)'-');
            WriteDigits(utc.Month, 2);
            Write((byte)'-');
            WriteDigits(utc.Day, 2);
            Write((byte)'T');
            WriteDigits(utc.Hour, 2);
            Write((byte)':');
            WriteDigits(utc.Minute, 2);
            Write((byte)':');
            WriteDigits(utc.Second, 2);
            Write((byte)'Z');
        }

        public void Flush()
        {
            crc?.Append(_buffer.AsSpan(0, _length));
            stream.Write(_buffer, 0, _length);
            _length = 0;
            stream.Flush();
        }
    }
}
