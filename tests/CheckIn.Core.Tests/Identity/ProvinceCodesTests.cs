using CheckIn.Core.Identity;
using CheckIn.Core.Places;

namespace CheckIn.Core.Tests.Identity;

public sealed class ProvinceCodesTests
{
    [Fact]
    public void IsLegacyProvince_AgreesWithEmbeddedAdministrativeUnits()
    {
        var legacy = AdministrativeUnits.Default.Provinces(AdministrativeEra.Legacy).Select(p => p.Code).ToHashSet();
        Assert.Equal(63, legacy.Count);
        for (var code = -1; code <= 100; code++)
        {
            Assert.Equal(legacy.Contains(code), ProvinceCodes.IsLegacyProvince(code));
        }
    }
}
