using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;

namespace CheckIn.Core.Tests.Payloads;

public sealed class TokhaiyteVenuePayloadTests
{
    private const string GroupId = "5f8a1c2b3d4e5f6a7b8c9d0e";

    [Theory]
    [InlineData(Samples.TokhaiyteVenue)]
    [InlineData("https://tokhaiyte.vn?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://tokhaiyte.vn/?groupId=5f8a1c2b3d4e5f6a7b8c9d0e&page=Group.checkin")]
    [InlineData("http://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("HTTPS://TOKHAIYTE.VN/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://www.tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://tokhaiyte.vn//?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e/")]
    [InlineData("https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e#top")]
    [InlineData("https://tokhaiyte.vn/?utm=poster&page=group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    public void Read_TolerantForms_SameGroupId(string url)
    {
        var venue = TokhaiyteVenuePayload.Read(url).Value;
        Assert.Equal(GroupId, venue.GroupId);
        Assert.Equal(Samples.TokhaiyteVenue, venue.ToText());
    }

    [Theory]
    [InlineData("https://qr.tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://WWW.QR.TOKHAIYTE.VN/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    public void Read_RegistrationSiteHost_SameVenueReported(string url)
    {
        var venue = TokhaiyteVenuePayload.Read(url).Value;
        Assert.Equal(GroupId, venue.GroupId);
        Assert.Equal(PayloadQuirks.RegistrationHost, venue.Quirks);
        Assert.Equal(Samples.TokhaiyteVenue, venue.ToText());
        Assert.Equal(venue.GroupId, ((TokhaiyteVenuePayload)PayloadReader.Read(url).Value).GroupId);
    }

    [Theory]
    [InlineData("https://tokhaiyte.vn.example.com/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://qr.tokhaiyte.com/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    [InlineData("https://x.qr.tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e")]
    public void Read_OtherHosts_NotTokhaiyte(string url) => Assert.False(TokhaiyteVenuePayload.Read(url).Success);

    [Fact]
    public void Read_UpperCaseGroupId_LowerCasedAndReported()
    {
        var venue = TokhaiyteVenuePayload.Read(Samples.TokhaiyteVenue.Replace(GroupId, GroupId.ToUpperInvariant(), StringComparison.Ordinal)).Value;
        Assert.Equal(GroupId, venue.GroupId);
        Assert.Equal(PayloadQuirks.IdentifierCaseChanged, venue.Quirks);
    }

    [Theory]
    [InlineData("https://tokhaiyte.vn/index.php?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e", "TokhaiyteVenue.Path", 20)]
    [InlineData("https://tokhaiyte.vn/?page=Home&groupId=5f8a1c2b3d4e5f6a7b8c9d0e", "TokhaiyteVenue.Page", 27)]
    [InlineData("https://tokhaiyte.vn/?groupId=5f8a1c2b3d4e5f6a7b8c9d0e", "TokhaiyteVenue.Page", 22)]
    [InlineData("https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0", "TokhaiyteVenue.GroupId", 49)]
    [InlineData("https://tokhaiyte.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0g", "TokhaiyteVenue.GroupId", 49)]
    [InlineData("https://tokhaiyte.vn/?page=Group.checkin", "TokhaiyteVenue.GroupId", 22)]
    [InlineData("https://example.vn/?page=Group.checkin&groupId=5f8a1c2b3d4e5f6a7b8c9d0e", "Payload.UnknownUrl", 0)]
    public void Read_Invalid_CodeAndPosition(string url, string code, int position)
    {
        var error = TokhaiyteVenuePayload.Read(url).Error;
        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Constructor_BadGroupId_Throws() => Assert.Throws<ArgumentException>(() => new TokhaiyteVenuePayload("xyz"));
}
