#pragma once
/// @file ui_describe.h
/// The engine's descriptions of a trigger and a network, in the window's language (the engine's
/// own describe() is English, for the CLI and the run records).

#include <QString>

#include "core/attack/trigger.h"
#include "core/train/model_spec.h"

namespace poisonlab::gui {

/// e.g. "pixel (101,0,25) at row 11, col 16", "patch 3x3 checkerboard (255,255,255) at row 0,
/// col 0", "blend 32x32 noise at row 0, col 0, opacity 0.1".
QString describeTrigger(const TriggerSpec& t);
/// e.g. "resnet8 (width 32, 3 stages x 1 blocks)".
QString describeModel(const ModelSpec& m);

}  // namespace poisonlab::gui
