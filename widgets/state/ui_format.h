#pragma once
/// @file ui_format.h
/// Numbers as the window shows them: in the current locale's digits (QLocale::setDefault, which
/// follows the chosen language: "83.59 %" in English, "83,59 %" in German).

#include <QCoreApplication>
#include <QString>
#include <QTextDocument>
#include <cmath>

namespace poisonlab::gui {

/// A fraction as a percentage with `decimals` decimals; "n/a" (translated) when unknown.
inline QString uiPercent(double fraction, int decimals = 2) {
  if (!std::isfinite(fraction)) return QCoreApplication::translate("poisonlab::gui", "n/a");
  return QStringLiteral("%L1 %").arg(100.0 * fraction, 0, 'f', decimals);
}

/// A tooltip that shows `text` as it is. Qt takes any tooltip that looks like markup as rich
/// text, and rich text loads what an <img src> names (a local file, /dev/zero): a run, version
/// or class name is the user's (or a mailed run folder's), so it goes through this.
inline QString plainToolTip(const QString& text) {
  return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

}  // namespace poisonlab::gui
