#pragma once
/// @file memory.h
/// How the process's heap treats the memory a training step frees.

namespace poisonlab {

/// glibc's malloc gives memory back to the system as soon as enough of it is free at the top of
/// the heap (128 KiB to 32 MiB, adapting), and a training step frees and allocates hundreds of
/// megabytes of activations: every step then faults the same pages in again, zeroed by the
/// kernel (13 % of an fp32 step in the kernel, 25 % slower than PyTorch eager; BENCHMARKS.md,
/// issue 14). This keeps blocks up to 32 MiB in the heap and gives memory back only when more
/// than 1 GiB of it is free. Once per process, before or after allocations; left alone when
/// GLIBC_TUNABLES sets malloc's own (the user's choice), and without glibc. Returns whether it
/// changed the settings.
bool keepFreedMemory();

}  // namespace poisonlab
