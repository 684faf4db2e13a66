using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HarmonySim.Protocol.Crypto.Accounts;
using HarmonySim.Protocol.Crypto.Bls;

namespace HarmonySim.Silo.Commands;

/// <summary>
/// <c>harmonysim keys …</c>: BLS12-381 keys, signatures and aggregates (ciphersuite
/// <c>BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_</c>) and secp256k1 accounts. Hex in (with or without 0x),
/// lower-case hex out, one JSON object on stdout. Exit codes: 0 success / valid, 1 a signature does not verify,
/// 2 malformed input (bad hex, wrong length, invalid point), with a message on stderr naming the problem.
/// </summary>
public static class KeysCommand
{
    public const int Invalid = 1;

    public static Command Build()
    {
        var keys = new Command("keys", "BLS12-381 keys, signatures and aggregates; secp256k1 accounts.");
        keys.Subcommands.Add(BlsNew());
        keys.Subcommands.Add(BlsSign());
        keys.Subcommands.Add(BlsVerify());
        keys.Subcommands.Add(BlsAggregate());
        keys.Subcommands.Add(BlsFastAggregateVerify());
        keys.Subcommands.Add(AccountNew());
        return keys;
    }

    /// <summary>Bad input: the message names the option and what is wrong.</summary>
    private sealed class InputException(string message) : Exception(message);

    private static Option<string> HexOption(string name, string description) => new(name) { Description = description };

    private static Option<string[]> HexListOption(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true };

    private static byte[] ParseHex(string? value, string option, int? length = null, bool required = true)
    {
        if (value is null)
        {
            if (required) throw new InputException($"{option} is required");
            return [];
        }
        var s = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value;
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(s);
        }
        catch (FormatException)
        {
            throw new InputException($"{option}: not valid hex");
        }
        if (length is { } n && bytes.Length != n) throw new InputException($"{option}: expected {n} bytes, got {bytes.Length}");
        return bytes;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static int Run(ParseResult parse, Func<(JsonObject Json, int Code)> action)
    {
        try
        {
            var (json, code) = action();
            parse.InvocationConfiguration.Output.WriteLine(json.ToJsonString());
            return code;
        }
        catch (InputException e)
        {
            parse.InvocationConfiguration.Error.WriteLine("malformed input: " + e.Message);
            return HarmonySimCommand.BadInput;
        }
    }

    private static byte[] ParsePublicKey(string? hex, string option)
    {
        var bytes = ParseHex(hex, option, BlsCiphersuite.PublicKeySize);
        var error = BlsCiphersuite.PublicKeyError(bytes);
        if (error is not null) throw new InputException($"{option}: invalid public key: {error}");
        return bytes;
    }

    private static byte[] ParseSignature(string? hex, string option)
    {
        var bytes = ParseHex(hex, option, BlsCiphersuite.SignatureSize);
        var error = BlsCiphersuite.SignatureError(bytes);
        if (error is not null) throw new InputException($"{option}: invalid signature: {error}");
        return bytes;
    }

    private static byte[] ParseSecret(string? hex, string option)
    {
        var bytes = ParseHex(hex, option, BlsCiphersuite.SecretKeySize);
        if (!BlsCiphersuite.IsValidSecretKey(bytes)) throw new InputException($"{option}: a secret key must satisfy 1 <= sk < r");
        return bytes;
    }

    private static Command BlsNew()
    {
        var ikm = HexOption("--ikm", "Input key material (at least 32 bytes, hex); random when omitted.");
        var command = new Command("bls-new", "Create a BLS key: secret, public key, proof of possession and Harmony slot-key signature.") { ikm };
        command.SetAction(parse => Run(parse, () =>
        {
            var material = parse.GetValue(ikm) is { } given ? ParseHex(given, "--ikm") : RandomNumberGenerator.GetBytes(32);
            if (material.Length < 32) throw new InputException($"--ikm: at least 32 bytes are needed, got {material.Length}");
            var sk = BlsCiphersuite.KeyGen(material);
            return (new JsonObject
            {
                ["secret"] = Hex(sk),
                ["public"] = Hex(BlsCiphersuite.SkToPk(sk)),
                ["pop"] = Hex(BlsCiphersuite.PopProve(sk)),
                ["harmony_key_sig"] = Hex(HarmonySlotKeyProof.Create(sk)),
            }, 0);
        }));
        return command;
    }

    private static Command BlsSign()
    {
        var secret = HexOption("--secret", "Secret key (32 bytes, hex).");
        var message = HexOption("--message", "Message (hex, may be empty).");
        var command = new Command("bls-sign", "Sign a message.") { secret, message };
        command.SetAction(parse => Run(parse, () =>
        {
            var sk = ParseSecret(parse.GetValue(secret), "--secret");
            var msg = ParseHex(parse.GetValue(message), "--message");
            return (new JsonObject { ["signature"] = Hex(BlsCiphersuite.Sign(sk, msg)) }, 0);
        }));
        return command;
    }

    private static Command BlsVerify()
    {
        var pub = HexOption("--public", "Public key (48 bytes, compressed, hex).");
        var message = HexOption("--message", "Message (hex, may be empty).");
        var signature = HexOption("--signature", "Signature (96 bytes, compressed, hex).");
        var command = new Command("bls-verify", "Verify a signature: exit 0 valid, 1 invalid, 2 malformed input.") { pub, message, signature };
        command.SetAction(parse => Run(parse, () =>
        {
            var pk = ParsePublicKey(parse.GetValue(pub), "--public");
            var msg = ParseHex(parse.GetValue(message), "--message");
            var sig = ParseSignature(parse.GetValue(signature), "--signature");
            var valid = BlsCiphersuite.Verify(pk, msg, sig);
            return (new JsonObject { ["valid"] = valid }, valid ? 0 : Invalid);
        }));
        return command;
    }

    private static Command BlsAggregate()
    {
        var signatures = HexListOption("--signature", "Signatures to add (hex, repeatable or space-separated).");
        var publics = HexListOption("--public", "Public keys to add (hex, repeatable or space-separated).");
        var command = new Command("bls-aggregate", "Aggregate signatures (--signature …) or public keys (--public …).") { signatures, publics };
        command.SetAction(parse => Run(parse, () =>
        {
            var sigs = parse.GetValue(signatures) ?? [];
            var pks = parse.GetValue(publics) ?? [];
            if ((sigs.Length == 0) == (pks.Length == 0)) throw new InputException("give either --signature … or --public …, not both and not neither");
            if (sigs.Length > 0)
            {
                var parsed = sigs.Select((s, i) => ParseSignature(s, $"--signature #{i + 1}")).ToArray();
                return (new JsonObject { ["signature"] = Hex(BlsCiphersuite.AggregateSignatures(parsed)) }, 0);
            }
            var keys = pks.Select((s, i) => ParsePublicKey(s, $"--public #{i + 1}")).ToArray();
            return (new JsonObject { ["public"] = Hex(BlsCiphersuite.AggregatePublicKeys(keys)) }, 0);
        }));
        return command;
    }

    private static Command BlsFastAggregateVerify()
    {
        var publics = HexListOption("--public", "Public keys of the signers (hex, repeatable or space-separated).");
        var message = HexOption("--message", "The message all of them signed (hex).");
        var signature = HexOption("--signature", "Aggregate signature (96 bytes, hex).");
        var command = new Command("bls-fast-aggregate-verify", "Verify an aggregate signature of one message: exit 0 valid, 1 invalid, 2 malformed input.")
        {
            publics, message, signature,
        };
        command.SetAction(parse => Run(parse, () =>
        {
            var pks = parse.GetValue(publics) ?? [];
            if (pks.Length == 0) throw new InputException("--public: at least one public key is required");
            var keys = pks.Select((s, i) => ParsePublicKey(s, $"--public #{i + 1}")).ToArray();
            var msg = ParseHex(parse.GetValue(message), "--message");
            var sig = ParseSignature(parse.GetValue(signature), "--signature");
            var valid = BlsCiphersuite.FastAggregateVerify(keys, msg, sig);
            return (new JsonObject { ["valid"] = valid }, valid ? 0 : Invalid);
        }));
        return command;
    }

    private static Command AccountNew()
    {
        var secret = HexOption("--secret", "Use this secp256k1 secret key (32 bytes, hex) instead of a random one.");
        var command = new Command("account-new", "Create a secp256k1 account: secret, Ethereum-style address and Harmony one1… address.") { secret };
        command.SetAction(parse => Run(parse, () =>
        {
            AccountKey key;
            if (parse.GetValue(secret) is { } given)
            {
                var bytes = ParseHex(given, "--secret", 32);
                try
                {
                    key = AccountKey.FromSecret(bytes);
                }
                catch (ArgumentException)
                {
                    throw new InputException("--secret: a secp256k1 secret key must satisfy 1 <= k < n");
                }
            }
            else
            {
                while (true)
                {
                    try
                    {
                        key = AccountKey.FromSecret(RandomNumberGenerator.GetBytes(32));
                        break;
                    }
                    catch (ArgumentException)
                    {
                        // out of range: draw again (probability ~2^-128)
                    }
                }
            }
            return (new JsonObject
            {
                ["secret"] = Hex(key.Secret),
                ["address"] = "0x" + Hex(key.Address),
                ["bech32"] = key.Bech32Address,
            }, 0);
        }));
        return command;
    }
}
