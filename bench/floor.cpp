// The floor for start-up: the cheapest C++ program, built and linked the way the tools are.
#include <iostream>

int main() {
    std::cout << "floor (tend)\n";
    return 0;
}
