// The floor for start-up: the cheapest C++ program, built and linked the way the tools are.
// SPDX-FileCopyrightText: 2026 The tend authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <iostream>

int main() {
    std::cout << "floor (tend)\n";
    return 0;
}
