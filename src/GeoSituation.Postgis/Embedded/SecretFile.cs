using System.Security.Cryptography;
using System.Text;

namespace GeoSituation.Postgis.Embedded;

/// <summary>
/// A secret kept in a file of the data folder (the cluster's password, the generated API key): created atomically,
/// readable and writable by its owner only, and owned by the process that uses it.
/// </summary>
public static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A new random secret: 32 bytes (256 bits) as unpadded base64url, so it needs no quoting anywhere.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The secret in <paramref name="path"/>, made first when the file is missing or empty. The file is rewritten
    /// (same text, mode 0600) when it is not 0600 or when we run as root: earlier versions let the postgres user own
    /// the data folder, and a file that account put there must not stay in its hands.
    /// </summary>
    public static string ReadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var existing = File.Exists(path) ? File.ReadAllText(path).Trim() : "";
        if (existing.Length == 0)
        {
            // An empty file is a write cut short: replace it; a missing one may be made by a racing process.
            Write(path, Generate(), overwrite: File.Exists(path));
            // Another process may have won the race: whatever is on disk now is the secret.
            return File.ReadAllText(path).Trim();
        }
        if (!OperatingSystem.IsWindows() && (Environment.IsPrivilegedProcess || File.GetUnixFileMode(path) != OwnerOnly))
        {
            Write(path, existing, overwrite: true);
        }
        return existing;
    }

    /// <summary>Writes to a private temporary file, then renames it into place (readers never see half a secret).</summary>
    private static void Write(string path, string secret, bool overwrite)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using (var writer = new StreamWriter(temporary, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options)) writer.Write(secret);
        try
        {
            File.Move(temporary, path, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
