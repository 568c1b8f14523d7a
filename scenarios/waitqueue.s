# A wait_event()/wake_up() pair over the Linux wait queue
# (locks/linux/waitqueue.s). wq_waiter runs wait_event(wq, cond != 0), the
# macro as include/linux/wait.h expands it (test; DEFINE_WAIT; loop of
# prepare_to_wait, test, schedule; finish_wait), then reads the data the
# waker published and counts itself in done. wq_waker stores data and the
# condition, smp_mb() (mfence), then wakes only if waitqueue_active(): the
# documented lockless-check idiom. wq_waker_nobarrier is the same without
# the mfence: race R7, the queue check loaded before the condition store
# left the store buffer.
        .equ WQ_SIZE, 40
        .data
        .p2align 6
        .globl wq
wq:     .long 0                         # lock
        .long 0
        .quad wq+8, wq+8                # task_list: empty
        .p2align 6
        .globl cond
cond:   .quad 0
        .p2align 6
        .globl data
data:   .quad 0
        .p2align 6
        .globl done
done:   .quad 0
        .p2align 6
        .globl got
got:    .quad 0
        .text
        .globl wq_waiter
wq_waiter:
        cmpl $0, cond(%rip)             # wait_event: if (condition) break
        jne 3f
        subq $WQ_SIZE, %rsp             # DEFINE_WAIT(__wait) on the stack
        movl $0, (%rsp)                 # flags
        movq %gs:0, %rax
        movq %rax, 8(%rsp)              # private = current
        leaq autoremove_wake_function(%rip), %rax
        movq %rax, 16(%rsp)             # func = autoremove_wake_function
        leaq 24(%rsp), %rax
        movq %rax, 24(%rsp)             # task_list = LIST_HEAD_INIT(self)
        movq %rax, 32(%rsp)
1:      leaq wq(%rip), %rdi
        movq %rsp, %rsi
        call prepare_to_wait
        cmpl $0, cond(%rip)             # if (condition) break
        jne 2f
        call schedule
        jmp 1b
2:      leaq wq(%rip), %rdi
        movq %rsp, %rsi
        call finish_wait
        addq $WQ_SIZE, %rsp
3:      movq data(%rip), %rax           # what the waker published
        lock addq %rax, got(%rip)
        lock incq done(%rip)
        ret

        .globl wq_waker
wq_waker:
        movq $42, data(%rip)
        movl $1, cond(%rip)             # condition = true
        mfence                          # smp_mb()
        leaq wq(%rip), %rdi
        call waitqueue_active
        testl %eax, %eax
        jz 1f
        leaq wq(%rip), %rdi
        movl $1, %esi
        call __wake_up                  # wake_up(&wq)
1:      ret

        .globl wq_waker_nobarrier
wq_waker_nobarrier:
        movq $42, data(%rip)
        movl $1, cond(%rip)             # condition = true, still buffered...
        leaq wq(%rip), %rdi             # ...when the queue is looked at
        call waitqueue_active
        testl %eax, %eax
        jz 1f
        leaq wq(%rip), %rdi
        movl $1, %esi
        call __wake_up
1:      ret
