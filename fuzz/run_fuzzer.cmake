# ctest's command for one fuzz target (fuzz/CMakeLists.txt):
#   cmake -DLOG=FILE -P run_fuzzer.cmake FUZZER ARGS...
# Runs FUZZER with ARGS, its output (libFuzzer's and the sanitizers') in LOG;
# prints its final statistics, and on failure the end of the output and the
# input that failed (libFuzzer's "Test unit written to …" line).
set(command)
set(past_script FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
    if(past_script)
        list(APPEND command "${CMAKE_ARGV${i}}")
    elseif(CMAKE_ARGV${i} STREQUAL "-P")
        math(EXPR script "${i} + 1")
        set(skip ${script})
    endif()
    if(DEFINED skip AND i EQUAL skip)
        set(past_script TRUE)
    endif()
endforeach()

execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_FILE "${LOG}" ERROR_FILE "${LOG}")
file(STRINGS "${LOG}" stats REGEX "^(stat::|#[0-9]+[\t ]+DONE)")
list(JOIN stats "\n" stats)
message("${stats}")
if(NOT rc EQUAL 0)
    file(READ "${LOG}" output)
    string(LENGTH "${output}" length)
    if(length GREATER 20000)
        math(EXPR start "${length} - 20000")
        string(SUBSTRING "${output}" ${start} -1 output)
        set(output "…\n${output}")
    endif()
    message("${output}") # as is: FATAL_ERROR would rewrap and indent it
    list(GET command 0 fuzzer)
    message(FATAL_ERROR "fuzzer exit status ${rc}; whole output in ${LOG}. Run the saved input "
        "again with `${fuzzer} INPUT`; ASAN_OPTIONS=fast_unwind_on_malloc=0 gives whole "
        "allocation stacks through libraries built without frame pointers (wiretap, glib).")
endif()
