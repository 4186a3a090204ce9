#include "state/ui_describe.h"

#include <QCoreApplication>

namespace poisonlab::gui {
QString describeTrigger(const TriggerSpec& t) {
  QString kind;
  switch (t.type) {
    case TriggerType::Pixel:
      kind = QCoreApplication::translate("poisonlab::gui::Describe", "pixel");
      break;
    case TriggerType::Patch:
      kind = QCoreApplication::translate("poisonlab::gui::Describe", "patch");
      break;
    case TriggerType::Blend:
      kind = QCoreApplication::translate("poisonlab::gui::Describe", "blend");
      break;
    case TriggerType::Sinusoid:
      return QCoreApplication::translate("poisonlab::gui::Describe",
                                         "sinusoid (FLIP 1xs): vertical stripes, amplitude 6");
    case TriggerType::ThreePixel:
      return QCoreApplication::translate(
          "poisonlab::gui::Describe",
          "three pixels (FLIP 3xp): one of rows 16, 27, 7 at cols 11, 5, 30 per image");
    case TriggerType::Corners:
      return QCoreApplication::translate("poisonlab::gui::Describe",
                                         "corners (FLIP 4xl): 3x3 black and white in all four");
  }
  QString pattern;
  switch (t.pattern) {
    case TriggerPattern::Solid:
      pattern = QCoreApplication::translate("poisonlab::gui::Describe", "solid");
      break;
    case TriggerPattern::Checkerboard:
      pattern = QCoreApplication::translate("poisonlab::gui::Describe", "checkerboard");
      break;
    case TriggerPattern::Noise:
      pattern = QCoreApplication::translate("poisonlab::gui::Describe", "noise");
      break;
  }
  QString s = kind;
  if (t.type != TriggerType::Pixel) s += QStringLiteral(" %1x%1 %2").arg(t.size).arg(pattern);
  if (t.pattern != TriggerPattern::Noise)
    s += QStringLiteral(" (%1,%2,%3)").arg(t.color[0]).arg(t.color[1]).arg(t.color[2]);
  s += QCoreApplication::translate("poisonlab::gui::Describe", " at row %1, col %2")
           .arg(t.row)
           .arg(t.col);
  if (t.type == TriggerType::Blend)
    s += QCoreApplication::translate("poisonlab::gui::Describe", ", opacity %L1").arg(t.opacity);
  return s;
}

QString describeModel(const ModelSpec& m) {
  const auto b = m.blocksPerStage();
  return QCoreApplication::translate("poisonlab::gui::Describe",
                                     "%1 (width %2, %3 stages x %4 blocks)")
      .arg(QString::fromStdString(m.arch))
      .arg(m.width)
      .arg(b.size())
      .arg(b.empty() ? 0 : b[0]);
}

}  // namespace poisonlab::gui
