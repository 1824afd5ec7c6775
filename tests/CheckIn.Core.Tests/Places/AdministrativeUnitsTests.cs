using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Core.Tests.Places;

public sealed class AdministrativeUnitsTests
{
    private static readonly AdministrativeUnits Units = AdministrativeUnits.Default;
    private static readonly LocalDate Before = new(2021, 9, 1);
    private static readonly LocalDate After = new(2025, 7, 1);

    [Fact]
    public void Counts_MatchOfficialLists()
    {
        Assert.Equal(63, Units.Provinces(AdministrativeEra.Legacy).Count);
        Assert.Equal(696, Units.Districts().Count);
        Assert.Equal(10_051, Units.Communes(AdministrativeEra.Legacy).Count);
        Assert.Equal(34, Units.Provinces(AdministrativeEra.Reform2025).Count);
        Assert.Equal(3_321, Units.Communes(AdministrativeEra.Reform2025).Count);
    }

    [Fact]
    public void EraOn_ReformDay_SwitchesEra()
    {
        Assert.Equal(AdministrativeEra.Legacy, AdministrativeUnits.EraOn(new LocalDate(2025, 6, 30)));
        Assert.Equal(AdministrativeEra.Reform2025, AdministrativeUnits.EraOn(new LocalDate(2025, 7, 1)));
    }

    [Fact]
    public void FindProvince_HanoiBothEras()
    {
        Assert.Equal("Thành phố Hà Nội", Units.FindProvince(1, AdministrativeEra.Legacy)!.Name);
        Assert.Equal("Hà Nội", Units.FindProvince(1, AdministrativeEra.Reform2025)!.ShortName);
        Assert.Equal("01", Units.FindProvince(1, AdministrativeEra.Legacy)!.FormattedCode);
    }

    [Fact]
    public void CheckProvince_MergedProvince_NotInForceAfterReform()
    {
        // Hà Giang (02) merged into Tuyên Quang (08) on 1 July 2025.
        Assert.Equal(UnitValidity.InForce, Units.CheckProvince(2, Before));
        Assert.Equal(UnitValidity.NotInForce, Units.CheckProvince(2, After));
        Assert.Equal(UnitValidity.InForce, Units.CheckProvince(8, After));
        Assert.Equal(UnitValidity.Unknown, Units.CheckProvince(3, Before));
    }

    [Theory]
    [InlineData(15, "Lào Cai")]
    [InlineData(24, "Bắc Ninh")]
    [InlineData(44, "Quảng Trị")]
    [InlineData(52, "Gia Lai")]
    [InlineData(80, "Tây Ninh")]
    [InlineData(82, "Đồng Tháp")]
    [InlineData(91, "An Giang")]
    public void FindProvince_MergedProvincesKeepCapitalHostCode(int code, string name) =>
        Assert.Equal(name, Units.FindProvince(code, AdministrativeEra.Reform2025)!.ShortName);

    [Fact]
    public void CheckCommune_ReusedCode_DependsOnDate()
    {
        // 00004 was Phường Trúc Bạch before the reform and is Phường Ba Đình after it.
        Assert.Equal("Phường Trúc Bạch", Units.FindCommune(4, AdministrativeEra.Legacy)!.Name);
        Assert.Equal("Phường Ba Đình", Units.FindCommune(4, AdministrativeEra.Reform2025)!.Name);
        Assert.Equal(UnitValidity.InForce, Units.CheckCommune(4, Before));
        Assert.Equal(UnitValidity.InForce, Units.CheckCommune(4, After));
        // 00001 Phường Phúc Xá existed before, not after.
        Assert.Equal(UnitValidity.InForce, Units.CheckCommune(1, Before));
        Assert.Equal(UnitValidity.NotInForce, Units.CheckCommune(1, After));
        Assert.Equal(UnitValidity.Unknown, Units.CheckCommune(99_999, After));
    }

    [Fact]
    public void LegacyCommune_HasDistrictAndProvince()
    {
        var commune = Units.FindCommune(1, AdministrativeEra.Legacy)!;
        Assert.Equal(AdministrativeLevel.Commune, commune.Level);
        Assert.Equal("Quận Ba Đình", commune.Parent!.Name);
        Assert.Equal(AdministrativeLevel.District, commune.Parent.Level);
        Assert.Equal(1, commune.Province.Code);
        Assert.Equal("Phường", commune.UnitType);
        Assert.Equal("Phúc Xá", commune.ShortName);
        Assert.Equal("Phường Phúc Xá (00001)", commune.ToString());
    }

    [Fact]
    public void IsCommuneInProvince_UsesEraOfDate()
    {
        Assert.True(Units.IsCommuneInProvince(4, 1, After));
        Assert.False(Units.IsCommuneInProvince(4, 79, After));
        Assert.False(Units.IsCommuneInProvince(1, 1, After));
    }

    [Fact]
    public void SuccessorsOf_OldCommune_WholeAndPartialRows()
    {
        // Phường Trúc Bạch (00004) went wholly into Phường Ba Đình (00004).
        var rows = Units.SuccessorsOf(4);
        var whole = Assert.Single(rows, r => r.NewCommune.Code == 4);
        Assert.True(whole.IsWhole);
        Assert.Equal("Phường Trúc Bạch", whole.OldCommune!.Name);
        // Phường Ngọc Hà (00016) was split: part went into Ba Đình.
        Assert.Contains(Units.SuccessorsOf(16), r => r.NewCommune.Code == 4 && !r.IsWhole);
        Assert.Empty(Units.SuccessorsOf(99_999));
    }

    [Fact]
    public void PredecessorsOf_NewCommune_ListsOldCommunes()
    {
        var predecessors = Units.PredecessorsOf(4).Select(r => r.OldCommuneCode).ToHashSet();
        Assert.Contains(4, predecessors);
        Assert.Contains(13, predecessors);
        Assert.Contains(16, predecessors);
    }

    [Fact]
    public void SuccessorProvincesOf_HaGiang_IsTuyenQuang() =>
        Assert.Equal([8], Units.SuccessorProvincesOf(2).Select(p => p.Code));

    [Fact]
    public void SuccessorsOf_IslandDistrictWithoutCommunes_MapsToSpecialZone()
    {
        // Huyện Bạch Long Vĩ (318) had no communes and became Đặc khu Bạch Long Vĩ.
        var successors = Units.SuccessorsOf(Units.FindDistrict(318)!);
        var zone = Assert.Single(successors);
        Assert.Equal("Đặc khu Bạch Long Vĩ", zone.Name);
    }

    [Fact]
    public void EveryLegacyProvince_HasAtLeastOneSuccessorProvince()
    {
        foreach (var province in Units.Provinces(AdministrativeEra.Legacy))
        {
            Assert.NotEmpty(Units.SuccessorProvincesOf(province.Code));
        }
    }

    [Theory]
    [InlineData("ha noi", AdministrativeEra.Legacy, "Thành phố Hà Nội")]
    [InlineData("HÀ NỘI", AdministrativeEra.Reform2025, "Thành phố Hà Nội")]
    [InlineData("hue", AdministrativeEra.Legacy, "Thành phố Huế")]
    [InlineData("tt phu da", AdministrativeEra.Legacy, "Thị trấn Phú Đa")]
    [InlineData("ho chi minh", AdministrativeEra.Reform2025, "Thành phố Hồ Chí Minh")]
    [InlineData("tp. ho chi minh", AdministrativeEra.Legacy, "Thành phố Hồ Chí Minh")]
    public void Search_IgnoresDiacriticsAndCase_BestMatchFirst(string query, AdministrativeEra era, string expected)
    {
        var results = Units.Search(query, era);
        Assert.NotEmpty(results);
        Assert.Equal(expected, results[0].Name);
    }

    [Fact]
    public void Search_LevelFilter_OnlyCommunes()
    {
        var results = Units.Search("ben nghe", AdministrativeEra.Legacy, AdministrativeLevel.Commune);
        var first = Assert.Single(results);
        Assert.Equal("Phường Bến Nghé", first.Name);
        Assert.Equal(79, first.Province.Code);
    }

    [Fact]
    public void Search_EmptyQuery_NoResults() => Assert.Empty(Units.Search("  ", AdministrativeEra.Legacy));

    [Fact]
    public void SuccessorsOf_NewEraUnit_Throws() =>
        Assert.Throws<ArgumentException>(() => Units.SuccessorsOf(Units.FindProvince(1, AdministrativeEra.Reform2025)!));
}
