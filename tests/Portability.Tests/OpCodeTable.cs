using System.Reflection;
using System.Reflection.Emit;

namespace DeskPhone.Portability.Tests;

/// <summary>
/// Every IL opcode with the size of its inline operand, built once from <see cref="OpCodes"/> by reflection
/// (test code only), so the IL scanner can step from instruction to instruction without a hand-kept table.
/// </summary>
public static class OpCodeTable
{
    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    /// <summary>The first byte of every two-byte opcode.</summary>
    public const byte TwoBytePrefix = 0xFE;

    static OpCodeTable()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode opCode || opCode.OpCodeType == OpCodeType.Nternal)
            {
                // Nternal: the reserved prefix1..7/prefixref encodings, never real instructions.
                continue;
            }
            ushort value = unchecked((ushort)opCode.Value);
            if (opCode.Size == 1)
            {
                OneByte[value] = opCode;
            }
            else
            {
                TwoByte[value & 0xFF] = opCode;
            }
        }
    }

    /// <summary>Number of opcodes known (for a sanity test).</summary>
    public static int Count => OneByte.Count(o => o.HasValue) + TwoByte.Count(o => o.HasValue);

    /// <summary>Decodes the opcode at <paramref name="offset"/>; false if the bytes are not a known opcode.</summary>
    public static bool TryRead(byte[] il, int offset, out OpCode opCode)
    {
        OpCode? found = il[offset] == TwoBytePrefix
            ? (offset + 1 < il.Length ? TwoByte[il[offset + 1]] : null)
            : OneByte[il[offset]];
        opCode = found.GetValueOrDefault();
        return found.HasValue;
    }

    /// <summary>
    /// Size in bytes of the inline operand that follows the opcode; for <c>switch</c> this is the size of the
    /// whole jump table, which needs <paramref name="il"/> and the operand's offset to read its count.
    /// </summary>
    public static int OperandSize(OpCode opCode, byte[] il, int operandOffset)
    {
        switch (opCode.OperandType)
        {
            case OperandType.InlineNone:
                return 0;
            case OperandType.ShortInlineBrTarget:
            case OperandType.ShortInlineI:
            case OperandType.ShortInlineVar:
                return 1;
            case OperandType.InlineVar:
                return 2;
            case OperandType.InlineBrTarget:
            case OperandType.InlineField:
            case OperandType.InlineI:
            case OperandType.InlineMethod:
            case OperandType.InlineSig:
            case OperandType.InlineString:
            case OperandType.InlineTok:
            case OperandType.InlineType:
            case OperandType.ShortInlineR:
                return 4;
            case OperandType.InlineI8:
            case OperandType.InlineR:
                return 8;
            case OperandType.InlineSwitch:
                return 4 + 4 * BitConverter.ToInt32(il, operandOffset);
            default:
                throw new InvalidOperationException("unknown operand type " + opCode.OperandType + " of " + opCode.Name);
        }
    }

    /// <summary>True when the operand is a metadata token (type, field, method, member, signature).</summary>
    public static bool HasMetadataToken(OpCode opCode)
    {
        switch (opCode.OperandType)
        {
            case OperandType.InlineField:
            case OperandType.InlineMethod:
            case OperandType.InlineSig:
            case OperandType.InlineTok:
            case OperandType.InlineType:
                return true;
            default:
                return false;
        }
    }
}
