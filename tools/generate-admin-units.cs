#:property PublishAot=false
#:property TreatWarningsAsErrors=false
// Derives CheckIn.Core's embedded administrative-unit table from the official lists (GSO, Decision
// 19/2025/QĐ-TTg) kept in the shared data folder. Run from the repository root:
//
//   dotnet run tools/generate-admin-units.cs -- <admin-units folder> src/CheckIn.Core/Places/AdministrativeUnits.tsv.br
//
// Output: Brotli-compressed UTF-8 text, one record per line, tab-separated:
//   L code2 name                 legacy province (before 1 July 2025)
//   D code3 province2 name       legacy district
//   C code5 district3 name       legacy commune
//   P code2 name                 province from 1 July 2025
//   W code5 province2 name       commune from 1 July 2025
//   X old5 new5 F|P              an old commune went wholly (F) or partly (P) into a new commune
//   Y oldDistrict3 new5          an old district without communes became a new commune (island districts)
using System.IO.Compression;
using System.Text;
using System.Text.Json;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: generate-admin-units <admin-units folder> <output .tsv.br>");
    return 2;
}

var source = args[0];
var lines = new List<string> { "# CheckIn administrative units v1 (GSO list of 2025-01-04; Decision 19/2025/QD-TTg units from 2025-07-01)" };

// Legacy units.
var legacy = ReadCsv(Path.Combine(source, "legacy-communes-2025-01-04.csv")).Skip(1).ToList();
var provinces = new SortedDictionary<string, string>(StringComparer.Ordinal);
var districts = new SortedDictionary<string, (string Province, string Name)>(StringComparer.Ordinal);
var communes = new SortedDictionary<string, (string District, string Name)>(StringComparer.Ordinal);
foreach (var r in legacy)
{
    provinces[r[1]] = r[0].Trim();
    districts[r[3]] = (r[1], r[2].Trim());
    if (r[5].Length > 0)
    {
        communes[r[5]] = (r[3], r[4].Trim());
    }
}

lines.AddRange(provinces.Select(p => $"L\t{p.Key}\t{p.Value}"));
lines.AddRange(districts.Select(d => $"D\t{d.Key}\t{d.Value.Province}\t{d.Value.Name}"));
lines.AddRange(communes.Select(c => $"C\t{c.Key}\t{c.Value.District}\t{c.Value.Name}"));

// Units from 1 July 2025.
using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(source, "divisions-2025-07-01.json")));
var newCommunes = new HashSet<string>(StringComparer.Ordinal);
var newProvinceCount = 0;
foreach (var p in json.RootElement.EnumerateArray())
{
    var provinceCode = p.GetProperty("code").GetInt32().ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    lines.Add($"P\t{provinceCode}\t{p.GetProperty("name").GetString()!.Trim()}");
    newProvinceCount++;
    foreach (var w in p.GetProperty("wards").EnumerateArray())
    {
        var code = w.GetProperty("code").GetInt32().ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        newCommunes.Add(code);
        lines.Add($"W\t{code}\t{provinceCode}\t{w.GetProperty("name").GetString()!.Trim()}");
    }
}

// Conversion: skip the two header rows and the province banner rows (no new commune code).
var conversions = new SortedSet<string>(StringComparer.Ordinal);
var skipped = new List<string>();
var unknownOld = new SortedSet<string>(StringComparer.Ordinal);
foreach (var r in ReadCsv(Path.Combine(source, "commune-conversion-2025-07-01.csv")).Skip(2))
{
    if (r.Count < 7 || r[2].Trim().Length == 0)
    {
        continue;
    }

    var newCode = r[2].Trim().PadLeft(5, '0');
    var oldCode = r[4].Trim();
    var note = string.Join(' ', r[5].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    if (!newCommunes.Contains(newCode))
    {
        skipped.Add($"unknown new commune {newCode}");
        continue;
    }

    if (oldCode.Length == 0)
    {
        // Island districts without communes became special zones; the row names the old district "Name (code)".
        var district = r[6];
        var open = district.LastIndexOf('(');
        var close = district.LastIndexOf(')');
        var districtCode = open >= 0 && close > open ? district[(open + 1)..close] : string.Empty;
        if (districts.ContainsKey(districtCode) && !communes.Values.Any(c => c.District == districtCode))
        {
            conversions.Add($"Y\t{districtCode}\t{newCode}");
        }
        else
        {
            skipped.Add($"no old code: {r[3]} -> {newCode}");
        }

        continue;
    }

    oldCode = oldCode.PadLeft(5, '0');
    if (!communes.ContainsKey(oldCode))
    {
        // Kept: the conversion list is official even where the January 2025 list no longer has the code.
        unknownOld.Add(oldCode);
    }

    // "một phần" (part) wins over "toàn bộ" ("part of the area, all of the population" is still a part).
    var whole = !note.Contains("một phần", StringComparison.Ordinal);
    conversions.Add($"X\t{oldCode}\t{newCode}\t{(whole ? 'F' : 'P')}");
}

lines.AddRange(conversions);
var text = string.Join('\n', lines) + "\n";
using (var output = File.Create(args[1]))
using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize))
{
    brotli.Write(Encoding.UTF8.GetBytes(text));
}

var unconverted = communes.Keys.Count(c => !conversions.Any(x => x.StartsWith($"X\t{c}\t", StringComparison.Ordinal)));
Console.WriteLine($"legacy: {provinces.Count} provinces, {districts.Count} districts, {communes.Count} communes");
Console.WriteLine($"2025: {newProvinceCount} provinces, {newCommunes.Count} communes; {conversions.Count} conversion rows");
Console.WriteLine($"legacy communes without a conversion row: {unconverted}");
Console.WriteLine($"old codes in the conversion but not in the January 2025 list: {string.Join(' ', unknownOld)}");
foreach (var s in skipped)
{
    Console.WriteLine("skipped: " + s);
}
Console.WriteLine($"wrote {new FileInfo(args[1]).Length} bytes ({Encoding.UTF8.GetByteCount(text)} uncompressed)");
return 0;

static List<List<string>> ReadCsv(string path)
{
    // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
    var rows = new List<List<string>>();
    var text = File.ReadAllText(path, Encoding.UTF8);
    var row = new List<string>();
    var field = new StringBuilder();
    var quoted = false;
    for (var i = 0; i < text.Length; i++)
    {
        var c = text[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = false;
            }
            else
            {
                field.Append(c);
            }
        }
        else if (c == '"')
        {
            quoted = true;
        }
        else if (c == ',')
        {
            row.Add(field.ToString());
            field.Clear();
        }
        else if (c is '\n' or '\r')
        {
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            row.Add(field.ToString());
            field.Clear();
            rows.Add(row);
            row = [];
        }
        else
        {
            field.Append(c);
        }
    }

    if (field.Length > 0 || row.Count > 0)
    {
        row.Add(field.ToString());
        rows.Add(row);
    }

    return rows;
}
