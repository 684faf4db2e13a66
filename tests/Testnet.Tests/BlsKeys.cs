using System.Diagnostics;
using System.Text.Json;

namespace HarmonySim.Testnet.Tests;

/// <summary>A BLS slot key as <c>harmonysim keys bls-new</c> prints it: the public key and Harmony's proof of possession (its slot-key signature).</summary>
internal sealed record BlsKey(byte[] Public, byte[] Proof)
{
    public string PublicHex => "0x" + Convert.ToHexStringLower(Public);

    public string ProofHex => "0x" + Convert.ToHexStringLower(Proof);

    /// <summary>Runs <c>harmonysim keys bls-new</c> (the command a player would) and reads its JSON.</summary>
    public static async Task<BlsKey> New()
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "harmonysim.dll"), "keys", "bls-new"]) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.AreEqual(0, process.ExitCode, $"harmonysim keys bls-new: {error}");
        using var json = JsonDocument.Parse(output);
        return new BlsKey(Convert.FromHexString(json.RootElement.GetProperty("public").GetString()!),
            Convert.FromHexString(json.RootElement.GetProperty("harmony_key_sig").GetString()!));
    }
}
