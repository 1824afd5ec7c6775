using System.Security.Cryptography;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Payloads.Signed;
using CheckIn.Core.Places;
using CheckIn.Hosting;
using CheckIn.Tracing.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CheckIn.Service;

/// <summary>A registered venue as the service keeps it.</summary>
public sealed record ServiceVenue(string Id, string VenueKey, string Name, VenueKind Kind, int? Commune, string Address, string Code, Instant RegisteredAt);

/// <summary>
/// What the service keeps beside CheckIn's event log, in <c>service.db</c> in the same data directory: venues, the
/// contact directory (names and phones people declared: the service's own records of personal data, never in the
/// index), the audit log of staff actions, the notice package last published; and the signing key of its venue codes.
/// </summary>
public sealed class ServiceStore : IDisposable
{
    private readonly string _connectionString;
    private readonly Lock _gate = new();

    public ServiceStore(CheckInRuntime runtime, IOptions<ServiceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        Runtime = runtime;
        Directory.CreateDirectory(runtime.DataDirectory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(runtime.DataDirectory, "service.db"), Pooling = false }.ToString();
        using (var connection = Open())
        {
            Execute(connection, """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
                CREATE TABLE IF NOT EXISTS venues(id TEXT PRIMARY KEY, venue_key TEXT NOT NULL, name TEXT NOT NULL, kind INTEGER NOT NULL, commune INTEGER, address TEXT NOT NULL, code TEXT NOT NULL, registered_at INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS contacts(person BLOB PRIMARY KEY, name TEXT NOT NULL, phone TEXT);
                CREATE TABLE IF NOT EXISTS audit(seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS notices(id INTEGER PRIMARY KEY CHECK (id = 1), package BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS safety_checks(seq INTEGER PRIMARY KEY AUTOINCREMENT, venue_id TEXT NOT NULL, document TEXT NOT NULL);
                """);
        }

        SigningKey = LoadOrCreateKey(Path.Combine(runtime.DataDirectory, "venue-signing.pem"));
        Signer = new CheckInSigner(SigningKey, 1, options.Value.PublicBaseUrl);
        Keys = new SigningKeyRing([new TrustedSigningKey(1, Signer.ExportPublicKey())]);
        Host = new Uri(options.Value.PublicBaseUrl).Host;
        DccTrust = LoadDccTrust(options.Value.DccTrustList);
        Directory_ = new InMemoryContactDirectory(runtime.Pseudonymizer);
        foreach (var venue in Venues())
        {
            Register(venue);
        }

        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT person, name, phone FROM contacts;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Directory_.Add(PersonPseudonym.FromBytes((byte[])reader.GetValue(0)), new ContactCard(reader.GetString(1), reader.IsDBNull(2) ? null : PhoneNumber.Parse(reader.GetString(2))));
            }
        }
    }

    public CheckInRuntime Runtime { get; }

    public ECDsa SigningKey { get; }

    public CheckInSigner Signer { get; }

    /// <summary>The keys that verify the service's own codes and notice packages.</summary>
    public SigningKeyRing Keys { get; }

    /// <summary>How the service reads what is scanned: its own keys verify signed codes, which must carry its host; vaccine passports verify against <see cref="DccTrust"/>.</summary>
    public PayloadReaderOptions Reading => new() { VerificationKeys = Keys, TrustedHosts = [Host], DccTrustList = DccTrust };

    /// <summary>The document signer certificates of <c>Service:DccTrustList</c>, or null when none is configured.</summary>
    public CheckIn.Core.Payloads.Dcc.DccTrustList? DccTrust { get; }

    /// <summary>Keeps a venue safety check (its JSON as submitted and validated) for the safety map.</summary>
    public void AddSafetyCheck(string venueId, string json)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO safety_checks(venue_id, document) VALUES ($venue, $json);";
        command.Parameters.AddWithValue("$venue", venueId);
        command.Parameters.AddWithValue("$json", json);
        command.ExecuteNonQuery();
    }

    /// <summary>Every safety check kept, as submitted.</summary>
    public IReadOnlyList<string> SafetyChecks()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT document FROM safety_checks ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var documents = new List<string>();
        while (reader.Read())
        {
            documents.Add(reader.GetString(0));
        }

        return documents;
    }

    /// <summary>The host signed codes must carry.</summary>
    public string Host { get; }

    /// <summary>The contact directory: whom to call for a pseudonym.</summary>
    public InMemoryContactDirectory Directory_ { get; }

    public void AddVenue(ServiceVenue venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO venues(id, venue_key, name, kind, commune, address, code, registered_at) VALUES ($id, $key, $name, $kind, $commune, $address, $code, $at);";
        command.Parameters.AddWithValue("$id", venue.Id);
        command.Parameters.AddWithValue("$key", venue.VenueKey);
        command.Parameters.AddWithValue("$name", venue.Name);
        command.Parameters.AddWithValue("$kind", (int)venue.Kind);
        command.Parameters.AddWithValue("$commune", (object?)venue.Commune ?? DBNull.Value);
        command.Parameters.AddWithValue("$address", venue.Address);
        command.Parameters.AddWithValue("$code", venue.Code);
        command.Parameters.AddWithValue("$at", venue.RegisteredAt.ToUnixTimeTicks());
        command.ExecuteNonQuery();
        Register(venue);
    }

    /// <summary>Into CheckIn's venue registry (kinds set default lengths); a commune code of the other era is left out.</summary>
    private void Register(ServiceVenue venue)
    {
        if (!Runtime.Venues.Register(venue.VenueKey, venue.Kind, venue.Commune, venue.Name).Success)
        {
            Runtime.Venues.Register(venue.VenueKey, venue.Kind, null, venue.Name);
        }
    }

    public ServiceVenue? FindVenue(string id) => Venues("WHERE id = $id", id).FirstOrDefault();

    /// <summary>The venue a canonical venue key names (<see cref="CheckIn.Tracing.Visits.ScanInterpreter.VenueKeyOf"/>), if registered here.</summary>
    public ServiceVenue? FindVenueByKey(string venueKey) => Venues("WHERE venue_key = $id", venueKey).FirstOrDefault();

    public IReadOnlyList<ServiceVenue> Venues() => Venues(string.Empty, null);

    public void AddContact(PersonPseudonym person, ContactCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var bytes = new byte[PersonPseudonym.SizeInBytes];
        person.WriteBytes(bytes);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO contacts(person, name, phone) VALUES ($p, $n, $ph) ON CONFLICT(person) DO UPDATE SET name = excluded.name, phone = excluded.phone;";
        command.Parameters.AddWithValue("$p", bytes);
        command.Parameters.AddWithValue("$n", card.Name);
        command.Parameters.AddWithValue("$ph", (object?)card.Phone?.National ?? DBNull.Value);
        command.ExecuteNonQuery();
        Directory_.Add(person, card);
    }

    /// <summary>Writes an audit record: who (the API key's fingerprint), what, and pseudonyms or counts, never a name or number.</summary>
    public void Audit(string actor, string action, string detail)
    {
        lock (_gate)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO audit(at, actor, action, detail) VALUES ($at, $actor, $action, $detail);";
            command.Parameters.AddWithValue("$at", SystemClock.Instance.GetCurrentInstant().ToUnixTimeTicks());
            command.Parameters.AddWithValue("$actor", actor);
            command.Parameters.AddWithValue("$action", action);
            command.Parameters.AddWithValue("$detail", detail);
            command.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<(long Seq, string Actor, string Action, string Detail)> AuditLog()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, actor, action, detail FROM audit ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, string, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }

    public void PublishNotices(byte[] package)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO notices(id, package) VALUES (1, $p) ON CONFLICT(id) DO UPDATE SET package = excluded.package;";
        command.Parameters.AddWithValue("$p", package);
        command.ExecuteNonQuery();
    }

    public byte[]? Notices()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT package FROM notices WHERE id = 1;";
        return command.ExecuteScalar() as byte[];
    }

    public void Dispose() => SigningKey.Dispose();

    /// <summary>Reads the configured certificates; a file that does not read stops the service at start, with the code.</summary>
    private static CheckIn.Core.Payloads.Dcc.DccTrustList? LoadDccTrust(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var read = text.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal)
            ? CheckIn.Core.Payloads.Dcc.DccTrustList.ReadPem(text)
            : CheckIn.Core.Payloads.Dcc.DccTrustList.Read(bytes);
        return read.TryGetValue(out var list)
            ? list
            : throw new InvalidOperationException($"Service:DccTrustList ({Path.GetFileName(path)}): {read.Error}.");
    }

    private List<ServiceVenue> Venues(string where, string? id)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, venue_key, name, kind, commune, address, code, registered_at FROM venues {where} ORDER BY registered_at;";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        using var reader = command.ExecuteReader();
        var venues = new List<ServiceVenue>();
        while (reader.Read())
        {
            venues.Add(new ServiceVenue(reader.GetString(0), reader.GetString(1), reader.GetString(2), (VenueKind)reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.GetString(5), reader.GetString(6), Instant.FromUnixTimeTicks(reader.GetInt64(7))));
        }

        return venues;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static ECDsa LoadOrCreateKey(string path)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = SecretFile.ReadOrCreate(path, key.ExportPkcs8PrivateKeyPem);
        key.ImportFromPem(pem);
        return key;
    }
}
