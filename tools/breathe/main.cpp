// breathe's entry point: the shared runner does the rest.
#include "breathe.hpp"
int main(int argc, char** argv) {
    return tend::run_main("breathe", argc, argv, breathe::main);
}
