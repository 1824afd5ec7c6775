namespace CheckIn.Testing;

/// <summary>Finds the repository root (the folder holding CheckIn.sln) from the test assembly's location.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CheckIn.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException("CheckIn.sln was not found above " + AppContext.BaseDirectory);
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
