# Linux completions, kernel/sched.c of v2.6.2x to v3.x (wait_for_completion
# through wait_for_common/do_wait_for_common with TASK_UNINTERRUPTIBLE and
# no timeout; complete), on the wait queue of waitqueue.s, written in
# assembly as a compiler would lay out the C. done counts completions not
# yet consumed; both it and the queue are only touched under the queue's
# spinlock, so the waiter's "test done, then sleep" and the completer's
# "done++, then wake" cannot interleave: no lockless check, no barrier
# needed beyond the lock. LOCK'd: only the spinlock's xaddw.
#
# struct completion: +0 done (u32), +8 wait (wait_queue_head_t: +8 lock,
# +16 task_list). A waiter's wait_queue_t (DECLARE_WAITQUEUE) is on its
# stack: +0 flags, +8 private, +16 func, +24 task_list.
        .equ C_DONE, 0
        .equ C_WAIT, 8
        .equ Q_LIST, 8
        .equ WQ_FLAGS, 0
        .equ WQ_PRIVATE, 8
        .equ WQ_FUNC, 16
        .equ WQ_LIST, 24
        .equ WQ_SIZE, 40
        .equ WQ_FLAG_EXCLUSIVE, 1
        .equ NEXT, 0
        .equ PREV, 8
        .equ TASK_STATE, 16
        .equ TASK_UNINTERRUPTIBLE, 2
        .text

# wait_for_completion(%rdi = x): sleep until done > 0, then consume one.
        .globl wait_for_completion
wait_for_completion:
        pushq %rbx
        subq $WQ_SIZE, %rsp
        movq %rdi, %rbx
        leaq C_WAIT(%rbx), %rdi
        call ticket_spin_lock                   # spin_lock_irq(&x->wait.lock)
        cmpl $0, C_DONE(%rbx)
        jne 3f
        movl $WQ_FLAG_EXCLUSIVE, WQ_FLAGS(%rsp)  # DECLARE_WAITQUEUE(wait, current),
        movq %gs:0, %rax                 # then __add_wait_queue_tail_exclusive
        movq %rax, WQ_PRIVATE(%rsp)
        leaq default_wake_function(%rip), %rax
        movq %rax, WQ_FUNC(%rsp)
        leaq WQ_LIST(%rsp), %rdx         # new
        leaq C_WAIT+Q_LIST(%rbx), %rcx   # head
        movq PREV(%rcx), %rax            # list_add_tail: prev = head->prev
        movq %rdx, PREV(%rcx)
        movq %rcx, NEXT(%rdx)
        movq %rax, PREV(%rdx)
        movq %rdx, NEXT(%rax)
1:      movq %gs:0, %rax                 # do { __set_current_state(UNINTERRUPTIBLE)
        movl $TASK_UNINTERRUPTIBLE, TASK_STATE(%rax)
        leaq C_WAIT(%rbx), %rdi
        call ticket_spin_unlock                 #   spin_unlock_irq
        call schedule                    #   schedule_timeout(MAX_SCHEDULE_TIMEOUT)
        leaq C_WAIT(%rbx), %rdi
        call ticket_spin_lock                   #   spin_lock_irq
        cmpl $0, C_DONE(%rbx)
        je 1b                            # } while (!x->done)
        leaq WQ_LIST(%rsp), %rdi         # __remove_wait_queue: list_del
        movq NEXT(%rdi), %rdx
        movq PREV(%rdi), %rcx
        movq %rcx, PREV(%rdx)
        movq %rdx, NEXT(%rcx)
3:      decl C_DONE(%rbx)                # x->done--
        leaq C_WAIT(%rbx), %rdi
        call ticket_spin_unlock
        addq $WQ_SIZE, %rsp
        popq %rbx
        ret

# complete(%rdi = x): done++ and wake one exclusive waiter, under the lock.
        .globl complete
complete:
        pushq %rbx
        movq %rdi, %rbx
        leaq C_WAIT(%rbx), %rdi
        call ticket_spin_lock                   # spin_lock_irqsave(&x->wait.lock)
        incl C_DONE(%rbx)
        leaq C_WAIT(%rbx), %rdi
        movl $1, %esi
        call __wake_up_common            # TASK_NORMAL, nr_exclusive 1
        leaq C_WAIT(%rbx), %rdi
        call ticket_spin_unlock
        popq %rbx
        ret
