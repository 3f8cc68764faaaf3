namespace GeoSituation.Cli.Commands;

/// <summary>
/// What `geosituation` returns, so scripts can tell a mistake in the command line from a failure of the work.
/// </summary>
/// <remarks>
/// 0: done. 1: the command line is wrong (unknown verb or option, a value that does not parse, a file named on the
/// command line that does not exist); System.CommandLine also answers parse errors with 1. 2: the work failed
/// (database unreachable, an input that could not be read or stored, a tool that failed); the message says why.
/// </remarks>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int Failure = 2;
}
