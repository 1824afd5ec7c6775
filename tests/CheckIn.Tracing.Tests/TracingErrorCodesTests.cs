using CheckIn.Testing;

namespace CheckIn.Tracing.Tests;

public sealed class TracingErrorCodesTests
{
    [Fact]
    public void Catalog_IsComplete() =>
        ErrorCatalogAssert.IsComplete(typeof(TracingErrorCodes), TracingErrorCodes.Messages, TracingErrorCodes.All());
}
