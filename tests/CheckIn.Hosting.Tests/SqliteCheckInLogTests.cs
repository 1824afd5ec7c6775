using CheckIn.Hosting.Log;

namespace CheckIn.Hosting.Tests;

/// <summary>The log contract on the embedded SQLite file, and what only a file can get wrong.</summary>
public sealed class SqliteCheckInLogTests : CheckInLogContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override async Task<ICheckInLog> OpenLogAsync() => await SqliteCheckInLog.OpenAsync(_folder.File("checkin.db"));

    [Fact]
    public async Task Open_NotADatabase_Throws()
    {
        await File.WriteAllTextAsync(_folder.File("checkin.db"), "this is not SQLite, it is a text file of some length");
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(async () => await SqliteCheckInLog.OpenAsync(_folder.File("checkin.db")));
    }
}
