#pragma once
// The unlearning results as the Unlearning panel shows them and the report prints them: the
// table of model versions (the current one marked) and the corrective sweep (ASR and clean
// accuracy against the share of the poisons forgotten, a line per method and settings, the
// original model as grey reference lines).

#include <QCoreApplication>

class QCustomPlot;
class QTableWidget;
class QWidget;

namespace poisonlab::gui {

class Session;

class UnlearningPlots {
  // The Unlearning panel's words: translated under its name.
  Q_DECLARE_TR_FUNCTIONS(poisonlab::gui::UnlearnPanel)

 public:
  /// The empty table of model versions as a child of `parent`.
  static QTableWidget* makeVersionsTable(QWidget* parent);
  /// A row per version of `session`, the current one marked (▶, bold).
  static void fillVersions(QTableWidget* table, const Session& session);
  /// The empty sweep plot as a child of `parent`.
  static QCustomPlot* makeSweep(QWidget* parent);
  /// Every version that forgot a share of the ground-truth poisons, by method and settings.
  static void fillSweep(QCustomPlot* plot, const Session& session);
};

}  // namespace poisonlab::gui
