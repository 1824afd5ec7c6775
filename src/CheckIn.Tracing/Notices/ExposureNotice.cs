using NodaTime;

namespace CheckIn.Tracing.Notices;

/// <summary>
/// A published place and time of exposure: a case was at <see cref="Venue"/> during <c>[From, Until)</c> (linger
/// included). Citizens' apps match their own visits against notices on the device, without uploading them.
/// </summary>
/// <param name="Venue">The venue identifier as printed in its code.</param>
/// <param name="From">The start of the exposure window (inclusive).</param>
/// <param name="Until">The end of the exposure window (exclusive).</param>
public sealed record ExposureNotice(string Venue, Instant From, Instant Until);
