using HarmonySim.Protocol.Chain;
using HarmonySim.Protocol.Chain.Transactions;

namespace HarmonySim.Simulation.Transfers;

/// <summary>
/// A transfer block's gas: its header states the block gas limit and the gas its transactions used (each a plain
/// transfer of <see cref="Transfer.IntrinsicGas"/>), and what it used fits under the limit.
/// </summary>
public static class BlockGas
{
    public static BlockHeader Seal(BlockHeader header, int transactions, ulong gasLimit)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.WithGas(gasLimit, (ulong)transactions * Transfer.IntrinsicGas);
    }

    /// <summary>Null when the header's gas agrees with its transactions and the run's limit, otherwise what differs.</summary>
    public static string? Check(BlockHeader header, int transactions, ulong gasLimit)
    {
        ArgumentNullException.ThrowIfNull(header);
        var used = (ulong)transactions * Transfer.IntrinsicGas;
        if (header.GasLimit != gasLimit) return $"GasLimit: the header states {header.GasLimit}, the chain's limit is {gasLimit}";
        if (header.GasUsed != used) return $"GasUsed: the header states {header.GasUsed}, its {transactions} transactions use {used}";
        return used > gasLimit ? $"GasUsed: {used} exceeds the block gas limit {gasLimit}" : null;
    }
}
