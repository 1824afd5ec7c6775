using NodaTime;

namespace CheckIn.Tracing.Tests.Support;

/// <summary>A clock that always reads the same instant (NodaTime.Testing is not served here).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
