namespace CheckIn.Core.Tests.Support;

/// <summary>
/// A fact that measures what optimized code does (allocations); skipped, visibly, in Debug builds, where
/// the JIT keeps locals on the heap that the optimizer removes. test.sh runs Release.
/// </summary>
internal sealed class OptimizedBuildFactAttribute : FactAttribute
{
    public OptimizedBuildFactAttribute()
    {
#if DEBUG
        Skip = "Measures optimized code; run the tests in Release (./test.sh does).";
#endif
    }
}
