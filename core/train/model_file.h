#pragma once
/// @file model_file.h
/// A look inside a model or checkpoint file before LibTorch reads it. LibTorch's loader
/// compiles the TorchScript class declarations stored in the file and is not hardened against
/// hostile ones (fuzz_model crashed it inside ScriptTypeParser::parseClassConstant), so the
/// file must first hold nothing but what LibTorch writes for PoisonLab's networks and
/// checkpoints: a zip of known entry names whose code is only module declarations (tensor,
/// string and number attributes, submodules) of the form LibTorch's serializer emits.

#include <string>

namespace poisonlab {

/// Throws Error naming the file, the entry and the line when `path` is not such a file.
void checkModelArchive(const std::string& path);

}  // namespace poisonlab
