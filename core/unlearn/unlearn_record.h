#pragma once
/// @file unlearn_record.h
/// RUN/unlearn/<name>.json, the record of one unlearning result, built in one place (core/
/// sources only: it speaks nlohmann-json). Read back with readUnlearnResult (unlearn.h).

#include <nlohmann/json.hpp>

#include <string>

#include "core/unlearn/unlearn.h"

namespace poisonlab {

/// The record's text: method, settings, forget set (with how many poisons it holds), the
/// original model and its digest, clean accuracy and ASR (stamped and mirrored) before and after.
std::string unlearnRecordJson(const UnlearnRequest& request, const UnlearnResult& result,
                              const nlohmann::json& settings, const std::string& originalModel,
                              const PoisonedDataset& data);

/// The "selection" block of an SSD record: what validated the choice, and the whole grid.
nlohmann::json ssdSelectionJson(const SsdSelection& selection, const SsdSelectionResult& result);

}  // namespace poisonlab
